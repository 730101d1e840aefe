import { JobName, reminderJob, ScheduledJob } from '@delibera/kernel';

/**
 * A consultation request has no version of its own: its due date, in
 * milliseconds, is the version, so moving the date gives every reminder a new
 * job id and leaves the old jobs stale.
 */
export const dueVersion = (dueAt: Date): number => dueAt.getTime();

/** The reminder `offsetSeconds` before a consultation request is due. */
export function consultationReminderJob(request: {
  id: string;
  dueAt: Date;
  offsetSeconds: number;
}): ScheduledJob {
  return reminderJob({
    name: JobName.RemindConsultation,
    kind: 'consultation',
    id: request.id,
    version: dueVersion(request.dueAt),
    dueAt: request.dueAt,
    offsetSeconds: request.offsetSeconds,
  });
}

/**
 * SQL over `consultation_request cr` joined to its `proposal p`: the request
 * still awaits its council's opinion (none adopted, the proposal still in
 * consultation).
 */
export const AWAITING_OPINION = `cr.status = 'requested' AND p.status = 'consultation'
  AND NOT EXISTS (SELECT 1 FROM council_opinion op
                   WHERE op.consultation_id = cr.id AND op.status IN ('adopted', 'published'))`;
