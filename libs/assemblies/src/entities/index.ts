import { AgendaItem } from './agenda-item.entity';
import { Assembly } from './assembly.entity';
import { AssemblyProxy } from './assembly-proxy.entity';
import { Attendance } from './attendance.entity';
import { Registration } from './registration.entity';
import { VoteQuorum } from './vote-quorum.entity';

export { AgendaItem, Assembly, AssemblyProxy, Attendance, Registration, VoteQuorum };
export const ASSEMBLIES_ENTITIES = [
  Assembly,
  AgendaItem,
  Attendance,
  AssemblyProxy,
  Registration,
  VoteQuorum,
];
