import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AttendanceMode } from '../assemblies.enums';

/**
 * A member's presence at an assembly, dated. The college is copied at check-in
 * so the minutes report attendance by college as it was on the day.
 */
@Entity('assembly_attendance')
export class Attendance {
  @PrimaryColumn({ type: 'uuid' })
  assemblyId: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'uuid' })
  collegeId: string;

  @Column({ type: 'enum', enum: AttendanceMode, enumName: 'attendance_mode' })
  mode: AttendanceMode;

  @Column({ type: 'timestamptz' })
  checkedInAt: Date;

  @Column({ type: 'uuid' })
  checkedInByAccountId: string;

  /** Set when the member leaves; a later check-in clears it. */
  @Column({ type: 'timestamptz', nullable: true })
  checkedOutAt: Date | null;
}
