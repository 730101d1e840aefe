/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment SessionAccount on Account {\n    id\n    email\n    locale\n    roles\n    member {\n      id\n      displayName\n      kind\n      status\n    }\n  }\n": typeof types.SessionAccountFragmentDoc,
    "\n  fragment SessionPayload on AuthPayload {\n    accessToken\n    refreshToken\n    account {\n      ...SessionAccount\n    }\n  }\n": typeof types.SessionPayloadFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionAccount\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query CouncilConsultations($proposalId: UUID!) {\n    proposal(id: $proposalId) {\n      id\n      consultations {\n        id\n        status\n        dueAt\n        council {\n          id\n          nameFr\n          nameEn\n          chairMemberId\n          members {\n            memberId\n            status\n          }\n        }\n        opinionDrafts {\n          id\n          status\n          position\n          text\n          votesFor\n          votesAgainst\n          votesAbstain\n          activeMembers\n        }\n      }\n    }\n  }\n": typeof types.CouncilConsultationsDocument,
    "\n  mutation DraftCouncilOpinion($input: DraftOpinionInput!) {\n    draftCouncilOpinion(input: $input) {\n      id\n    }\n  }\n": typeof types.DraftCouncilOpinionDocument,
    "\n  mutation RecordCouncilOpinionVote($input: RecordCouncilVoteInput!) {\n    recordCouncilOpinionVote(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RecordCouncilOpinionVoteDocument,
    "\n  mutation PublishCouncilOpinion($opinionId: UUID!) {\n    publishCouncilOpinion(opinionId: $opinionId) {\n      id\n      status\n    }\n  }\n": typeof types.PublishCouncilOpinionDocument,
    "\n  query ProposalThread($proposalId: UUID!) {\n    proposalThread(proposalId: $proposalId) {\n      counts {\n        for\n        against\n        question\n        information\n      }\n      arguments(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            bodyHtml\n            stance\n            hidden\n            createdAt\n            endorsementCount\n            endorsedByMe\n            myOpenFlags\n            replyCount\n            author {\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProposalThreadDocument,
    "\n  query ArgumentReplies($argumentId: UUID!) {\n    argumentReplies(argumentId: $argumentId, first: 50) {\n      edges {\n        node {\n          id\n          bodyHtml\n          stance\n          hidden\n          createdAt\n          endorsementCount\n          endorsedByMe\n          myOpenFlags\n          replyCount\n          author {\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.ArgumentRepliesDocument,
    "\n  mutation PostArgument($input: PostArgumentInput!) {\n    postArgument(input: $input) {\n      id\n    }\n  }\n": typeof types.PostArgumentDocument,
    "\n  mutation ReplyToArgument($input: ReplyToArgumentInput!) {\n    replyToArgument(input: $input) {\n      id\n    }\n  }\n": typeof types.ReplyToArgumentDocument,
    "\n  mutation EndorseArgument($argumentId: UUID!) {\n    endorseArgument(argumentId: $argumentId) {\n      id\n      endorsedByMe\n      endorsementCount\n    }\n  }\n": typeof types.EndorseArgumentDocument,
    "\n  mutation UnendorseArgument($argumentId: UUID!) {\n    unendorseArgument(argumentId: $argumentId) {\n      id\n      endorsedByMe\n      endorsementCount\n    }\n  }\n": typeof types.UnendorseArgumentDocument,
    "\n  mutation FlagArgument($input: FlagArgumentInput!) {\n    flagArgument(input: $input) {\n      id\n    }\n  }\n": typeof types.FlagArgumentDocument,
    "\n  query ProposalDiff($id: UUID!, $from: Int!, $to: Int!) {\n    proposal(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        titleChanged\n        changes {\n          kind\n          text\n        }\n      }\n    }\n  }\n": typeof types.ProposalDiffDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...SessionPayload\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query Assemblies {\n    assemblies(first: 50) {\n      edges {\n        node {\n          id\n          titleFr\n          titleEn\n          kind\n          status\n          mode\n          startsAt\n          place\n        }\n      }\n    }\n  }\n": typeof types.AssembliesDocument,
    "\n  query AssemblyPage($id: UUID!) {\n    assembly(id: $id) {\n      id\n      titleFr\n      titleEn\n      kind\n      status\n      mode\n      startsAt\n      endsAt\n      place\n      url\n      proxyLimitPerHolder\n      proxiesLockedAt\n      agenda {\n        id\n        position\n        titleFr\n        titleEn\n        decisionType\n      }\n      myAttendance {\n        mode\n        checkedInAt\n      }\n      quorum {\n        present\n        represented\n        required\n        eligible\n        met\n      }\n      proxies {\n        id\n        grantorMemberId\n        holderMemberId\n        endedAt\n      }\n    }\n  }\n": typeof types.AssemblyPageDocument,
    "\n  mutation CheckIn($input: CheckInInput!) {\n    checkIn(input: $input) {\n      assemblyId\n      checkedInAt\n    }\n  }\n": typeof types.CheckInDocument,
    "\n  mutation GrantProxy($input: GrantProxyInput!) {\n    grantProxy(input: $input) {\n      id\n    }\n  }\n": typeof types.GrantProxyDocument,
    "\n  mutation RevokeProxy($input: RevokeProxyInput!) {\n    revokeProxy(input: $input) {\n      id\n    }\n  }\n": typeof types.RevokeProxyDocument,
    "\n  query Charter {\n    councils {\n      code\n      nameFr\n      nameEn\n    }\n    charter {\n      version\n      adoptedAt\n      summary\n      assemblyQuorum {\n        numerator\n        denominator\n      }\n      proxyLimitPerHolder\n      initiativeCosignatures\n      initiativeSupportDays\n      referendumPetitionCosignatures\n      volunteerHourRate\n      rules {\n        decisionType\n        decidingBody\n        consultedCouncils\n        informed\n        voteMethod\n        threshold {\n          numerator\n          denominator\n        }\n        thresholdBase\n        thresholdComparison\n        quorum {\n          kind\n          count\n          ratio {\n            numerator\n            denominator\n          }\n        }\n        secrecy\n        collegeWeighting\n        minNoticeDays\n        minConsultationDays\n        minDeliberationDays\n        minVotingDays\n      }\n    }\n  }\n": typeof types.CharterDocument,
    "\n  query Councils {\n    councils {\n      id\n      code\n      nameFr\n      nameEn\n      seats\n      termMonths\n      chairMemberId\n      eligibility {\n        minAge\n        maxAge\n        regions\n        requiresApprovedPractice\n      }\n      members {\n        id\n        memberId\n        status\n        appliedAt\n        declaredPractice\n      }\n    }\n  }\n": typeof types.CouncilsDocument,
    "\n  mutation ApplyToCouncil($input: ApplyToCouncilInput!) {\n    applyToCouncil(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ApplyToCouncilDocument,
    "\n  mutation DecideCouncilSeat($input: DecideCouncilSeatInput!) {\n    decideCouncilSeat(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.DecideCouncilSeatDocument,
    "\n  query CouncilProposals($councilId: UUID!) {\n    proposals(first: 20, councilId: $councilId, status: Consultation) {\n      edges {\n        node {\n          id\n          title\n          consultationEndsAt\n        }\n      }\n    }\n  }\n": typeof types.CouncilProposalsDocument,
    "\n  query Home {\n    proposals(first: 20, status: Consultation) {\n      edges {\n        node {\n          id\n          title\n          consultations {\n            councilId\n            status\n            dueAt\n          }\n        }\n      }\n    }\n    votes(first: 50, status: Open) {\n      edges {\n        node {\n          id\n          titleFr\n          titleEn\n          closesAt\n          myParticipation {\n            onRoll\n            voted\n          }\n        }\n      }\n    }\n    myNotifications(first: 20, unreadOnly: true) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          subject\n          body\n          createdAt\n        }\n      }\n    }\n    councils {\n      id\n      code\n      nameFr\n      nameEn\n      chairMemberId\n      members {\n        id\n        memberId\n        status\n      }\n    }\n  }\n": typeof types.HomeDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query Members($first: Int, $after: String, $search: String, $status: MemberStatus) {\n    members(first: $first, after: $after, search: $search, status: $status) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          displayName\n          kind\n          email\n          region\n          status\n        }\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation ChangeMemberStatus($input: ChangeMemberStatusInput!) {\n    changeMemberStatus(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ChangeMemberStatusDocument,
    "\n  mutation ImportMembers($input: ImportMembersInput!) {\n    importMembers(input: $input) {\n      imported\n      invited\n    }\n  }\n": typeof types.ImportMembersDocument,
    "\n  query NotificationPreferences {\n    myNotificationPreferences {\n      emailDisabledKinds\n    }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      emailDisabledKinds\n    }\n  }\n": typeof types.UpdateNotificationPreferencesDocument,
    "\n  query ProposalPage($id: UUID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n      decisionType\n      renderedBody\n      currentVersion\n      submittedAt\n      consultationEndsAt\n      deliberationEndsAt\n      votingOpensAt\n      votingClosesAt\n      author {\n        displayName\n      }\n      versions {\n        version\n        note\n        createdAt\n      }\n      decisionRights {\n        charterVersion\n        decides\n        deliberates\n        informed\n        consulted {\n          councilCode\n          status\n          dueAt\n          council {\n            nameFr\n            nameEn\n          }\n          opinion {\n            position\n            text\n            votesFor\n            votesAgainst\n            votesAbstain\n          }\n        }\n        rule {\n          voteMethod\n          secrecy\n          thresholdComparison\n          thresholdBase\n          threshold {\n            numerator\n            denominator\n          }\n        }\n      }\n    }\n    votes(first: 5, subjectType: Proposal, subjectId: $id) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n": typeof types.ProposalPageDocument,
    "\n  query Proposals {\n    proposals(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          status\n          decisionType\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.ProposalsDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionPayload\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query VotePage($voteId: UUID!) {\n    vote(id: $voteId) {\n      id\n      titleFr\n      titleEn\n      method\n      status\n      secrecy\n      collegeWeighting\n      opensAt\n      closesAt\n      minSelections\n      maxSelections\n      options {\n        id\n        labelFr\n        labelEn\n      }\n      grades {\n        id\n        labelFr\n        labelEn\n      }\n      myParticipation {\n        onRoll\n        voted\n      }\n      result {\n        outcome\n        quorumMet\n        eligible\n        participations\n        ballots\n        winners\n        details\n      }\n    }\n  }\n": typeof types.VotePageDocument,
    "\n  query VoteColleges {\n    colleges {\n      id\n      nameFr\n      nameEn\n    }\n  }\n": typeof types.VoteCollegesDocument,
    "\n  mutation CastBallot($input: CastBallotInput!) {\n    castBallot(input: $input) {\n      voteId\n      receipt\n      replaced\n    }\n  }\n": typeof types.CastBallotDocument,
    "\n  query CheckReceipt($voteId: UUID!, $receipt: String!) {\n    checkReceipt(voteId: $voteId, receipt: $receipt)\n  }\n": typeof types.CheckReceiptDocument,
    "\n  query Votes {\n    votes(first: 50) {\n      edges {\n        node {\n          id\n          titleFr\n          titleEn\n          status\n          opensAt\n          closesAt\n          myParticipation {\n            onRoll\n            voted\n          }\n        }\n      }\n    }\n  }\n": typeof types.VotesDocument,
};
const documents: Documents = {
    "\n  fragment SessionAccount on Account {\n    id\n    email\n    locale\n    roles\n    member {\n      id\n      displayName\n      kind\n      status\n    }\n  }\n": types.SessionAccountFragmentDoc,
    "\n  fragment SessionPayload on AuthPayload {\n    accessToken\n    refreshToken\n    account {\n      ...SessionAccount\n    }\n  }\n": types.SessionPayloadFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionAccount\n    }\n  }\n": types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query CouncilConsultations($proposalId: UUID!) {\n    proposal(id: $proposalId) {\n      id\n      consultations {\n        id\n        status\n        dueAt\n        council {\n          id\n          nameFr\n          nameEn\n          chairMemberId\n          members {\n            memberId\n            status\n          }\n        }\n        opinionDrafts {\n          id\n          status\n          position\n          text\n          votesFor\n          votesAgainst\n          votesAbstain\n          activeMembers\n        }\n      }\n    }\n  }\n": types.CouncilConsultationsDocument,
    "\n  mutation DraftCouncilOpinion($input: DraftOpinionInput!) {\n    draftCouncilOpinion(input: $input) {\n      id\n    }\n  }\n": types.DraftCouncilOpinionDocument,
    "\n  mutation RecordCouncilOpinionVote($input: RecordCouncilVoteInput!) {\n    recordCouncilOpinionVote(input: $input) {\n      id\n      status\n    }\n  }\n": types.RecordCouncilOpinionVoteDocument,
    "\n  mutation PublishCouncilOpinion($opinionId: UUID!) {\n    publishCouncilOpinion(opinionId: $opinionId) {\n      id\n      status\n    }\n  }\n": types.PublishCouncilOpinionDocument,
    "\n  query ProposalThread($proposalId: UUID!) {\n    proposalThread(proposalId: $proposalId) {\n      counts {\n        for\n        against\n        question\n        information\n      }\n      arguments(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            bodyHtml\n            stance\n            hidden\n            createdAt\n            endorsementCount\n            endorsedByMe\n            myOpenFlags\n            replyCount\n            author {\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ProposalThreadDocument,
    "\n  query ArgumentReplies($argumentId: UUID!) {\n    argumentReplies(argumentId: $argumentId, first: 50) {\n      edges {\n        node {\n          id\n          bodyHtml\n          stance\n          hidden\n          createdAt\n          endorsementCount\n          endorsedByMe\n          myOpenFlags\n          replyCount\n          author {\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.ArgumentRepliesDocument,
    "\n  mutation PostArgument($input: PostArgumentInput!) {\n    postArgument(input: $input) {\n      id\n    }\n  }\n": types.PostArgumentDocument,
    "\n  mutation ReplyToArgument($input: ReplyToArgumentInput!) {\n    replyToArgument(input: $input) {\n      id\n    }\n  }\n": types.ReplyToArgumentDocument,
    "\n  mutation EndorseArgument($argumentId: UUID!) {\n    endorseArgument(argumentId: $argumentId) {\n      id\n      endorsedByMe\n      endorsementCount\n    }\n  }\n": types.EndorseArgumentDocument,
    "\n  mutation UnendorseArgument($argumentId: UUID!) {\n    unendorseArgument(argumentId: $argumentId) {\n      id\n      endorsedByMe\n      endorsementCount\n    }\n  }\n": types.UnendorseArgumentDocument,
    "\n  mutation FlagArgument($input: FlagArgumentInput!) {\n    flagArgument(input: $input) {\n      id\n    }\n  }\n": types.FlagArgumentDocument,
    "\n  query ProposalDiff($id: UUID!, $from: Int!, $to: Int!) {\n    proposal(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        titleChanged\n        changes {\n          kind\n          text\n        }\n      }\n    }\n  }\n": types.ProposalDiffDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...SessionPayload\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query Assemblies {\n    assemblies(first: 50) {\n      edges {\n        node {\n          id\n          titleFr\n          titleEn\n          kind\n          status\n          mode\n          startsAt\n          place\n        }\n      }\n    }\n  }\n": types.AssembliesDocument,
    "\n  query AssemblyPage($id: UUID!) {\n    assembly(id: $id) {\n      id\n      titleFr\n      titleEn\n      kind\n      status\n      mode\n      startsAt\n      endsAt\n      place\n      url\n      proxyLimitPerHolder\n      proxiesLockedAt\n      agenda {\n        id\n        position\n        titleFr\n        titleEn\n        decisionType\n      }\n      myAttendance {\n        mode\n        checkedInAt\n      }\n      quorum {\n        present\n        represented\n        required\n        eligible\n        met\n      }\n      proxies {\n        id\n        grantorMemberId\n        holderMemberId\n        endedAt\n      }\n    }\n  }\n": types.AssemblyPageDocument,
    "\n  mutation CheckIn($input: CheckInInput!) {\n    checkIn(input: $input) {\n      assemblyId\n      checkedInAt\n    }\n  }\n": types.CheckInDocument,
    "\n  mutation GrantProxy($input: GrantProxyInput!) {\n    grantProxy(input: $input) {\n      id\n    }\n  }\n": types.GrantProxyDocument,
    "\n  mutation RevokeProxy($input: RevokeProxyInput!) {\n    revokeProxy(input: $input) {\n      id\n    }\n  }\n": types.RevokeProxyDocument,
    "\n  query Charter {\n    councils {\n      code\n      nameFr\n      nameEn\n    }\n    charter {\n      version\n      adoptedAt\n      summary\n      assemblyQuorum {\n        numerator\n        denominator\n      }\n      proxyLimitPerHolder\n      initiativeCosignatures\n      initiativeSupportDays\n      referendumPetitionCosignatures\n      volunteerHourRate\n      rules {\n        decisionType\n        decidingBody\n        consultedCouncils\n        informed\n        voteMethod\n        threshold {\n          numerator\n          denominator\n        }\n        thresholdBase\n        thresholdComparison\n        quorum {\n          kind\n          count\n          ratio {\n            numerator\n            denominator\n          }\n        }\n        secrecy\n        collegeWeighting\n        minNoticeDays\n        minConsultationDays\n        minDeliberationDays\n        minVotingDays\n      }\n    }\n  }\n": types.CharterDocument,
    "\n  query Councils {\n    councils {\n      id\n      code\n      nameFr\n      nameEn\n      seats\n      termMonths\n      chairMemberId\n      eligibility {\n        minAge\n        maxAge\n        regions\n        requiresApprovedPractice\n      }\n      members {\n        id\n        memberId\n        status\n        appliedAt\n        declaredPractice\n      }\n    }\n  }\n": types.CouncilsDocument,
    "\n  mutation ApplyToCouncil($input: ApplyToCouncilInput!) {\n    applyToCouncil(input: $input) {\n      id\n      status\n    }\n  }\n": types.ApplyToCouncilDocument,
    "\n  mutation DecideCouncilSeat($input: DecideCouncilSeatInput!) {\n    decideCouncilSeat(input: $input) {\n      id\n      status\n    }\n  }\n": types.DecideCouncilSeatDocument,
    "\n  query CouncilProposals($councilId: UUID!) {\n    proposals(first: 20, councilId: $councilId, status: Consultation) {\n      edges {\n        node {\n          id\n          title\n          consultationEndsAt\n        }\n      }\n    }\n  }\n": types.CouncilProposalsDocument,
    "\n  query Home {\n    proposals(first: 20, status: Consultation) {\n      edges {\n        node {\n          id\n          title\n          consultations {\n            councilId\n            status\n            dueAt\n          }\n        }\n      }\n    }\n    votes(first: 50, status: Open) {\n      edges {\n        node {\n          id\n          titleFr\n          titleEn\n          closesAt\n          myParticipation {\n            onRoll\n            voted\n          }\n        }\n      }\n    }\n    myNotifications(first: 20, unreadOnly: true) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          subject\n          body\n          createdAt\n        }\n      }\n    }\n    councils {\n      id\n      code\n      nameFr\n      nameEn\n      chairMemberId\n      members {\n        id\n        memberId\n        status\n      }\n    }\n  }\n": types.HomeDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query Members($first: Int, $after: String, $search: String, $status: MemberStatus) {\n    members(first: $first, after: $after, search: $search, status: $status) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          displayName\n          kind\n          email\n          region\n          status\n        }\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation ChangeMemberStatus($input: ChangeMemberStatusInput!) {\n    changeMemberStatus(input: $input) {\n      id\n      status\n    }\n  }\n": types.ChangeMemberStatusDocument,
    "\n  mutation ImportMembers($input: ImportMembersInput!) {\n    importMembers(input: $input) {\n      imported\n      invited\n    }\n  }\n": types.ImportMembersDocument,
    "\n  query NotificationPreferences {\n    myNotificationPreferences {\n      emailDisabledKinds\n    }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      emailDisabledKinds\n    }\n  }\n": types.UpdateNotificationPreferencesDocument,
    "\n  query ProposalPage($id: UUID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n      decisionType\n      renderedBody\n      currentVersion\n      submittedAt\n      consultationEndsAt\n      deliberationEndsAt\n      votingOpensAt\n      votingClosesAt\n      author {\n        displayName\n      }\n      versions {\n        version\n        note\n        createdAt\n      }\n      decisionRights {\n        charterVersion\n        decides\n        deliberates\n        informed\n        consulted {\n          councilCode\n          status\n          dueAt\n          council {\n            nameFr\n            nameEn\n          }\n          opinion {\n            position\n            text\n            votesFor\n            votesAgainst\n            votesAbstain\n          }\n        }\n        rule {\n          voteMethod\n          secrecy\n          thresholdComparison\n          thresholdBase\n          threshold {\n            numerator\n            denominator\n          }\n        }\n      }\n    }\n    votes(first: 5, subjectType: Proposal, subjectId: $id) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n": types.ProposalPageDocument,
    "\n  query Proposals {\n    proposals(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          status\n          decisionType\n          createdAt\n        }\n      }\n    }\n  }\n": types.ProposalsDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionPayload\n    }\n  }\n": types.LoginDocument,
    "\n  query VotePage($voteId: UUID!) {\n    vote(id: $voteId) {\n      id\n      titleFr\n      titleEn\n      method\n      status\n      secrecy\n      collegeWeighting\n      opensAt\n      closesAt\n      minSelections\n      maxSelections\n      options {\n        id\n        labelFr\n        labelEn\n      }\n      grades {\n        id\n        labelFr\n        labelEn\n      }\n      myParticipation {\n        onRoll\n        voted\n      }\n      result {\n        outcome\n        quorumMet\n        eligible\n        participations\n        ballots\n        winners\n        details\n      }\n    }\n  }\n": types.VotePageDocument,
    "\n  query VoteColleges {\n    colleges {\n      id\n      nameFr\n      nameEn\n    }\n  }\n": types.VoteCollegesDocument,
    "\n  mutation CastBallot($input: CastBallotInput!) {\n    castBallot(input: $input) {\n      voteId\n      receipt\n      replaced\n    }\n  }\n": types.CastBallotDocument,
    "\n  query CheckReceipt($voteId: UUID!, $receipt: String!) {\n    checkReceipt(voteId: $voteId, receipt: $receipt)\n  }\n": types.CheckReceiptDocument,
    "\n  query Votes {\n    votes(first: 50) {\n      edges {\n        node {\n          id\n          titleFr\n          titleEn\n          status\n          opensAt\n          closesAt\n          myParticipation {\n            onRoll\n            voted\n          }\n        }\n      }\n    }\n  }\n": types.VotesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionAccount on Account {\n    id\n    email\n    locale\n    roles\n    member {\n      id\n      displayName\n      kind\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment SessionAccount on Account {\n    id\n    email\n    locale\n    roles\n    member {\n      id\n      displayName\n      kind\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionPayload on AuthPayload {\n    accessToken\n    refreshToken\n    account {\n      ...SessionAccount\n    }\n  }\n"): (typeof documents)["\n  fragment SessionPayload on AuthPayload {\n    accessToken\n    refreshToken\n    account {\n      ...SessionAccount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...SessionAccount\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...SessionAccount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CouncilConsultations($proposalId: UUID!) {\n    proposal(id: $proposalId) {\n      id\n      consultations {\n        id\n        status\n        dueAt\n        council {\n          id\n          nameFr\n          nameEn\n          chairMemberId\n          members {\n            memberId\n            status\n          }\n        }\n        opinionDrafts {\n          id\n          status\n          position\n          text\n          votesFor\n          votesAgainst\n          votesAbstain\n          activeMembers\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CouncilConsultations($proposalId: UUID!) {\n    proposal(id: $proposalId) {\n      id\n      consultations {\n        id\n        status\n        dueAt\n        council {\n          id\n          nameFr\n          nameEn\n          chairMemberId\n          members {\n            memberId\n            status\n          }\n        }\n        opinionDrafts {\n          id\n          status\n          position\n          text\n          votesFor\n          votesAgainst\n          votesAbstain\n          activeMembers\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DraftCouncilOpinion($input: DraftOpinionInput!) {\n    draftCouncilOpinion(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DraftCouncilOpinion($input: DraftOpinionInput!) {\n    draftCouncilOpinion(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordCouncilOpinionVote($input: RecordCouncilVoteInput!) {\n    recordCouncilOpinionVote(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RecordCouncilOpinionVote($input: RecordCouncilVoteInput!) {\n    recordCouncilOpinionVote(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishCouncilOpinion($opinionId: UUID!) {\n    publishCouncilOpinion(opinionId: $opinionId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PublishCouncilOpinion($opinionId: UUID!) {\n    publishCouncilOpinion(opinionId: $opinionId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposalThread($proposalId: UUID!) {\n    proposalThread(proposalId: $proposalId) {\n      counts {\n        for\n        against\n        question\n        information\n      }\n      arguments(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            bodyHtml\n            stance\n            hidden\n            createdAt\n            endorsementCount\n            endorsedByMe\n            myOpenFlags\n            replyCount\n            author {\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProposalThread($proposalId: UUID!) {\n    proposalThread(proposalId: $proposalId) {\n      counts {\n        for\n        against\n        question\n        information\n      }\n      arguments(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            bodyHtml\n            stance\n            hidden\n            createdAt\n            endorsementCount\n            endorsedByMe\n            myOpenFlags\n            replyCount\n            author {\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArgumentReplies($argumentId: UUID!) {\n    argumentReplies(argumentId: $argumentId, first: 50) {\n      edges {\n        node {\n          id\n          bodyHtml\n          stance\n          hidden\n          createdAt\n          endorsementCount\n          endorsedByMe\n          myOpenFlags\n          replyCount\n          author {\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArgumentReplies($argumentId: UUID!) {\n    argumentReplies(argumentId: $argumentId, first: 50) {\n      edges {\n        node {\n          id\n          bodyHtml\n          stance\n          hidden\n          createdAt\n          endorsementCount\n          endorsedByMe\n          myOpenFlags\n          replyCount\n          author {\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostArgument($input: PostArgumentInput!) {\n    postArgument(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PostArgument($input: PostArgumentInput!) {\n    postArgument(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToArgument($input: ReplyToArgumentInput!) {\n    replyToArgument(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToArgument($input: ReplyToArgumentInput!) {\n    replyToArgument(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndorseArgument($argumentId: UUID!) {\n    endorseArgument(argumentId: $argumentId) {\n      id\n      endorsedByMe\n      endorsementCount\n    }\n  }\n"): (typeof documents)["\n  mutation EndorseArgument($argumentId: UUID!) {\n    endorseArgument(argumentId: $argumentId) {\n      id\n      endorsedByMe\n      endorsementCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnendorseArgument($argumentId: UUID!) {\n    unendorseArgument(argumentId: $argumentId) {\n      id\n      endorsedByMe\n      endorsementCount\n    }\n  }\n"): (typeof documents)["\n  mutation UnendorseArgument($argumentId: UUID!) {\n    unendorseArgument(argumentId: $argumentId) {\n      id\n      endorsedByMe\n      endorsementCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlagArgument($input: FlagArgumentInput!) {\n    flagArgument(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation FlagArgument($input: FlagArgumentInput!) {\n    flagArgument(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposalDiff($id: UUID!, $from: Int!, $to: Int!) {\n    proposal(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        titleChanged\n        changes {\n          kind\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProposalDiff($id: UUID!, $from: Int!, $to: Int!) {\n    proposal(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        titleChanged\n        changes {\n          kind\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...SessionPayload\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...SessionPayload\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assemblies {\n    assemblies(first: 50) {\n      edges {\n        node {\n          id\n          titleFr\n          titleEn\n          kind\n          status\n          mode\n          startsAt\n          place\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Assemblies {\n    assemblies(first: 50) {\n      edges {\n        node {\n          id\n          titleFr\n          titleEn\n          kind\n          status\n          mode\n          startsAt\n          place\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssemblyPage($id: UUID!) {\n    assembly(id: $id) {\n      id\n      titleFr\n      titleEn\n      kind\n      status\n      mode\n      startsAt\n      endsAt\n      place\n      url\n      proxyLimitPerHolder\n      proxiesLockedAt\n      agenda {\n        id\n        position\n        titleFr\n        titleEn\n        decisionType\n      }\n      myAttendance {\n        mode\n        checkedInAt\n      }\n      quorum {\n        present\n        represented\n        required\n        eligible\n        met\n      }\n      proxies {\n        id\n        grantorMemberId\n        holderMemberId\n        endedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssemblyPage($id: UUID!) {\n    assembly(id: $id) {\n      id\n      titleFr\n      titleEn\n      kind\n      status\n      mode\n      startsAt\n      endsAt\n      place\n      url\n      proxyLimitPerHolder\n      proxiesLockedAt\n      agenda {\n        id\n        position\n        titleFr\n        titleEn\n        decisionType\n      }\n      myAttendance {\n        mode\n        checkedInAt\n      }\n      quorum {\n        present\n        represented\n        required\n        eligible\n        met\n      }\n      proxies {\n        id\n        grantorMemberId\n        holderMemberId\n        endedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckIn($input: CheckInInput!) {\n    checkIn(input: $input) {\n      assemblyId\n      checkedInAt\n    }\n  }\n"): (typeof documents)["\n  mutation CheckIn($input: CheckInInput!) {\n    checkIn(input: $input) {\n      assemblyId\n      checkedInAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantProxy($input: GrantProxyInput!) {\n    grantProxy(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation GrantProxy($input: GrantProxyInput!) {\n    grantProxy(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeProxy($input: RevokeProxyInput!) {\n    revokeProxy(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeProxy($input: RevokeProxyInput!) {\n    revokeProxy(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Charter {\n    councils {\n      code\n      nameFr\n      nameEn\n    }\n    charter {\n      version\n      adoptedAt\n      summary\n      assemblyQuorum {\n        numerator\n        denominator\n      }\n      proxyLimitPerHolder\n      initiativeCosignatures\n      initiativeSupportDays\n      referendumPetitionCosignatures\n      volunteerHourRate\n      rules {\n        decisionType\n        decidingBody\n        consultedCouncils\n        informed\n        voteMethod\n        threshold {\n          numerator\n          denominator\n        }\n        thresholdBase\n        thresholdComparison\n        quorum {\n          kind\n          count\n          ratio {\n            numerator\n            denominator\n          }\n        }\n        secrecy\n        collegeWeighting\n        minNoticeDays\n        minConsultationDays\n        minDeliberationDays\n        minVotingDays\n      }\n    }\n  }\n"): (typeof documents)["\n  query Charter {\n    councils {\n      code\n      nameFr\n      nameEn\n    }\n    charter {\n      version\n      adoptedAt\n      summary\n      assemblyQuorum {\n        numerator\n        denominator\n      }\n      proxyLimitPerHolder\n      initiativeCosignatures\n      initiativeSupportDays\n      referendumPetitionCosignatures\n      volunteerHourRate\n      rules {\n        decisionType\n        decidingBody\n        consultedCouncils\n        informed\n        voteMethod\n        threshold {\n          numerator\n          denominator\n        }\n        thresholdBase\n        thresholdComparison\n        quorum {\n          kind\n          count\n          ratio {\n            numerator\n            denominator\n          }\n        }\n        secrecy\n        collegeWeighting\n        minNoticeDays\n        minConsultationDays\n        minDeliberationDays\n        minVotingDays\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Councils {\n    councils {\n      id\n      code\n      nameFr\n      nameEn\n      seats\n      termMonths\n      chairMemberId\n      eligibility {\n        minAge\n        maxAge\n        regions\n        requiresApprovedPractice\n      }\n      members {\n        id\n        memberId\n        status\n        appliedAt\n        declaredPractice\n      }\n    }\n  }\n"): (typeof documents)["\n  query Councils {\n    councils {\n      id\n      code\n      nameFr\n      nameEn\n      seats\n      termMonths\n      chairMemberId\n      eligibility {\n        minAge\n        maxAge\n        regions\n        requiresApprovedPractice\n      }\n      members {\n        id\n        memberId\n        status\n        appliedAt\n        declaredPractice\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyToCouncil($input: ApplyToCouncilInput!) {\n    applyToCouncil(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyToCouncil($input: ApplyToCouncilInput!) {\n    applyToCouncil(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideCouncilSeat($input: DecideCouncilSeatInput!) {\n    decideCouncilSeat(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DecideCouncilSeat($input: DecideCouncilSeatInput!) {\n    decideCouncilSeat(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CouncilProposals($councilId: UUID!) {\n    proposals(first: 20, councilId: $councilId, status: Consultation) {\n      edges {\n        node {\n          id\n          title\n          consultationEndsAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CouncilProposals($councilId: UUID!) {\n    proposals(first: 20, councilId: $councilId, status: Consultation) {\n      edges {\n        node {\n          id\n          title\n          consultationEndsAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    proposals(first: 20, status: Consultation) {\n      edges {\n        node {\n          id\n          title\n          consultations {\n            councilId\n            status\n            dueAt\n          }\n        }\n      }\n    }\n    votes(first: 50, status: Open) {\n      edges {\n        node {\n          id\n          titleFr\n          titleEn\n          closesAt\n          myParticipation {\n            onRoll\n            voted\n          }\n        }\n      }\n    }\n    myNotifications(first: 20, unreadOnly: true) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          subject\n          body\n          createdAt\n        }\n      }\n    }\n    councils {\n      id\n      code\n      nameFr\n      nameEn\n      chairMemberId\n      members {\n        id\n        memberId\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    proposals(first: 20, status: Consultation) {\n      edges {\n        node {\n          id\n          title\n          consultations {\n            councilId\n            status\n            dueAt\n          }\n        }\n      }\n    }\n    votes(first: 50, status: Open) {\n      edges {\n        node {\n          id\n          titleFr\n          titleEn\n          closesAt\n          myParticipation {\n            onRoll\n            voted\n          }\n        }\n      }\n    }\n    myNotifications(first: 20, unreadOnly: true) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          subject\n          body\n          createdAt\n        }\n      }\n    }\n    councils {\n      id\n      code\n      nameFr\n      nameEn\n      chairMemberId\n      members {\n        id\n        memberId\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($first: Int, $after: String, $search: String, $status: MemberStatus) {\n    members(first: $first, after: $after, search: $search, status: $status) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          displayName\n          kind\n          email\n          region\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($first: Int, $after: String, $search: String, $status: MemberStatus) {\n    members(first: $first, after: $after, search: $search, status: $status) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          displayName\n          kind\n          email\n          region\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberStatus($input: ChangeMemberStatusInput!) {\n    changeMemberStatus(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberStatus($input: ChangeMemberStatusInput!) {\n    changeMemberStatus(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportMembers($input: ImportMembersInput!) {\n    importMembers(input: $input) {\n      imported\n      invited\n    }\n  }\n"): (typeof documents)["\n  mutation ImportMembers($input: ImportMembersInput!) {\n    importMembers(input: $input) {\n      imported\n      invited\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    myNotificationPreferences {\n      emailDisabledKinds\n    }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    myNotificationPreferences {\n      emailDisabledKinds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      emailDisabledKinds\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      emailDisabledKinds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposalPage($id: UUID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n      decisionType\n      renderedBody\n      currentVersion\n      submittedAt\n      consultationEndsAt\n      deliberationEndsAt\n      votingOpensAt\n      votingClosesAt\n      author {\n        displayName\n      }\n      versions {\n        version\n        note\n        createdAt\n      }\n      decisionRights {\n        charterVersion\n        decides\n        deliberates\n        informed\n        consulted {\n          councilCode\n          status\n          dueAt\n          council {\n            nameFr\n            nameEn\n          }\n          opinion {\n            position\n            text\n            votesFor\n            votesAgainst\n            votesAbstain\n          }\n        }\n        rule {\n          voteMethod\n          secrecy\n          thresholdComparison\n          thresholdBase\n          threshold {\n            numerator\n            denominator\n          }\n        }\n      }\n    }\n    votes(first: 5, subjectType: Proposal, subjectId: $id) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProposalPage($id: UUID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n      decisionType\n      renderedBody\n      currentVersion\n      submittedAt\n      consultationEndsAt\n      deliberationEndsAt\n      votingOpensAt\n      votingClosesAt\n      author {\n        displayName\n      }\n      versions {\n        version\n        note\n        createdAt\n      }\n      decisionRights {\n        charterVersion\n        decides\n        deliberates\n        informed\n        consulted {\n          councilCode\n          status\n          dueAt\n          council {\n            nameFr\n            nameEn\n          }\n          opinion {\n            position\n            text\n            votesFor\n            votesAgainst\n            votesAbstain\n          }\n        }\n        rule {\n          voteMethod\n          secrecy\n          thresholdComparison\n          thresholdBase\n          threshold {\n            numerator\n            denominator\n          }\n        }\n      }\n    }\n    votes(first: 5, subjectType: Proposal, subjectId: $id) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Proposals {\n    proposals(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          status\n          decisionType\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Proposals {\n    proposals(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          status\n          decisionType\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionPayload\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionPayload\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VotePage($voteId: UUID!) {\n    vote(id: $voteId) {\n      id\n      titleFr\n      titleEn\n      method\n      status\n      secrecy\n      collegeWeighting\n      opensAt\n      closesAt\n      minSelections\n      maxSelections\n      options {\n        id\n        labelFr\n        labelEn\n      }\n      grades {\n        id\n        labelFr\n        labelEn\n      }\n      myParticipation {\n        onRoll\n        voted\n      }\n      result {\n        outcome\n        quorumMet\n        eligible\n        participations\n        ballots\n        winners\n        details\n      }\n    }\n  }\n"): (typeof documents)["\n  query VotePage($voteId: UUID!) {\n    vote(id: $voteId) {\n      id\n      titleFr\n      titleEn\n      method\n      status\n      secrecy\n      collegeWeighting\n      opensAt\n      closesAt\n      minSelections\n      maxSelections\n      options {\n        id\n        labelFr\n        labelEn\n      }\n      grades {\n        id\n        labelFr\n        labelEn\n      }\n      myParticipation {\n        onRoll\n        voted\n      }\n      result {\n        outcome\n        quorumMet\n        eligible\n        participations\n        ballots\n        winners\n        details\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VoteColleges {\n    colleges {\n      id\n      nameFr\n      nameEn\n    }\n  }\n"): (typeof documents)["\n  query VoteColleges {\n    colleges {\n      id\n      nameFr\n      nameEn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CastBallot($input: CastBallotInput!) {\n    castBallot(input: $input) {\n      voteId\n      receipt\n      replaced\n    }\n  }\n"): (typeof documents)["\n  mutation CastBallot($input: CastBallotInput!) {\n    castBallot(input: $input) {\n      voteId\n      receipt\n      replaced\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckReceipt($voteId: UUID!, $receipt: String!) {\n    checkReceipt(voteId: $voteId, receipt: $receipt)\n  }\n"): (typeof documents)["\n  query CheckReceipt($voteId: UUID!, $receipt: String!) {\n    checkReceipt(voteId: $voteId, receipt: $receipt)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Votes {\n    votes(first: 50) {\n      edges {\n        node {\n          id\n          titleFr\n          titleEn\n          status\n          opensAt\n          closesAt\n          myParticipation {\n            onRoll\n            voted\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Votes {\n    votes(first: 50) {\n      edges {\n        node {\n          id\n          titleFr\n          titleEn\n          status\n          opensAt\n          closesAt\n          myParticipation {\n            onRoll\n            voted\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;