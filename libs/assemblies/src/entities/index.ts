export { AgendaItem } from './agenda-item.entity';
export { Assembly } from './assembly.entity';
export { Attendance } from './attendance.entity';
export { AssemblyProxy } from './assembly-proxy.entity';
export { Registration } from './registration.entity';
export { VoteQuorum } from './vote-quorum.entity';
