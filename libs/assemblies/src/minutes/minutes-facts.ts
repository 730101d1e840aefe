import { Locale } from '@delibera/kernel';
import {
  AgendaItemKind,
  AssemblyKind,
  AssemblyMode,
  AssemblyStatus,
  GeneralAssemblyType,
} from '../assemblies.enums';
import { QuorumStatus } from '../quorum';

/** How a vote under an agenda item ended, as the minutes report it. */
export interface VoteSummary {
  /** Null while the vote is not closed. */
  outcome: 'adopted' | 'rejected' | 'quorum_not_met' | 'elected' | 'completed' | null;
  ballots: number;
  /** Each option's or candidate's score, as the count states it (weighted scores are exact fractions). */
  scores: { label: Record<Locale, string>; score: string }[];
  /** Winners (candidates elected, or the option chosen), in order; empty for a motion. */
  elected: Record<Locale, string>[];
  /** The rule applied, e.g. "2/3 of votes cast, weighted by college". */
  rule: Record<Locale, string> | null;
}

/** Everything the minutes say, read from stored facts only: the same facts give the same text. */
export interface MinutesFacts {
  assembly: {
    kind: AssemblyKind;
    generalAssemblyType: GeneralAssemblyType | null;
    mode: AssemblyMode;
    status: AssemblyStatus;
    titleFr: string;
    titleEn: string;
    place: string | null;
    url: string | null;
    startsAt: Date;
    endsAt: Date;
    convenedAt: Date;
    noticeDays: number;
  };
  agenda: {
    position: number;
    kind: AgendaItemKind;
    titleFr: string;
    titleEn: string;
    refId: string | null;
    votes: VoteSummary[];
  }[];
  attendance: {
    present: number;
    remote: number;
    represented: number;
    byCollege: {
      nameFr: string;
      nameEn: string;
      present: number;
      remote: number;
      represented: number;
    }[];
  };
  /** Proxies in force at the end (given and not revoked or lapsed). */
  proxies: number;
  quorum: QuorumStatus | null;
  registrations: number;
}
