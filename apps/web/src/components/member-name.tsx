import { useQuery } from 'urql';
import { graphql } from '../gql';

const MemberNameQuery = graphql(`
  query MemberName($id: UUID!) {
    member(id: $id) {
      id
      displayName
    }
  }
`);

/**
 * A member's name for staff pages that hold only an id (council seats,
 * attendance); the member number shows until the name arrives, or if it cannot.
 */
export function MemberName({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: MemberNameQuery, variables: { id } });
  return <>{data?.member.displayName ?? id.slice(0, 8)}</>;
}
