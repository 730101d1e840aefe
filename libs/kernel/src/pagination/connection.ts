import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CommonErrors } from '../errors/common.errors';
import { MAX_PAGE_SIZE } from '../graphql/query-bounds';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** Relay forward pagination: `first` is bounded so no client can ask for the whole table. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  after?: string;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `<Name>Connection` and `<Name>Edge` GraphQL types for a node type. */
export function Connection<T>(nodeType: Type<T>): Type<ConnectionShape<T>> {
  const name = nodeType.name.replace(/Type$/, '');

  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor: string;
    @Field(() => nodeType) node: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionClass {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
  }
  return ConnectionClass;
}

/** Maps a page of entities to a page of GraphQL nodes, keeping cursors and counts. */
export function mapNodes<E, N>(
  page: ConnectionShape<E>,
  toNode: (entity: E) => N,
): ConnectionShape<N> {
  return {
    ...page,
    edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.node) })),
  };
}

/** The opaque cursor of a row's (sort value, id) key. */
export function encodeCursor(values: [string | number, string]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** A cursor's (sort value, id) key; INVALID_CURSOR when it is not one. */
export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === 2 && typeof values[1] === 'string') {
      return values as [string | number, string];
    }
  } catch {
    // fall through to the domain error
  }
  throw CommonErrors.INVALID_CURSOR();
}

export interface KeysetOrder<E> {
  /**
   * SQL expression of the sort column, e.g. `member.createdAt`. Its values must
   * survive the round trip through the cursor exactly: integers, text, or
   * `timestamptz(3)` (JS dates have millisecond precision, PostgreSQL's default microseconds).
   */
  column: string;
  /** SQL expression of the unique tie-breaker, e.g. `member.id`. */
  id: string;
  direction: 'ASC' | 'DESC';
  /** The sort and id values of a loaded row, for its cursor. */
  key(row: E): [string | number, string];
}

/**
 * Keyset pagination over a query builder: stable under inserts and as fast on
 * page 500 as on page 1, unlike OFFSET. The cursor encodes the last row's
 * (sort value, id).
 */
export async function paginate<E extends ObjectLiteral, N>(
  query: SelectQueryBuilder<E>,
  args: ConnectionArgs,
  order: KeysetOrder<E>,
  toNode: (row: E) => N,
): Promise<ConnectionShape<N>> {
  const first = pageSize(args);
  const totalCount = await query.clone().getCount();
  const page = query.clone();
  if (args.after) {
    const [sortValue, id] = decodeCursor(args.after);
    const op = order.direction === 'ASC' ? '>' : '<';
    page.andWhere(`(${order.column}, ${order.id}) ${op} (:cursorSort, :cursorId)`, {
      cursorSort: sortValue,
      cursorId: id,
    });
  }
  const rows = await page
    .orderBy(order.column, order.direction)
    .addOrderBy(order.id, order.direction)
    .take(first + 1)
    .getMany();
  return keysetPage(rows, first, totalCount, order.key, toNode);
}

/** The page size asked, bounded by MAX_PAGE_SIZE. */
export function pageSize(args: { first?: number }): number {
  return Math.min(args.first ?? 20, MAX_PAGE_SIZE);
}

/**
 * A connection from the rows of a keyset query read with a limit of
 * `first + 1`: the extra row only tells that there is a next page.
 */
export function keysetPage<R, N>(
  rows: R[],
  first: number,
  totalCount: number,
  key: (row: R) => [string | number, string],
  toNode: (row: R) => N,
): ConnectionShape<N> {
  const edges = rows
    .slice(0, first)
    .map((row) => ({ cursor: encodeCursor(key(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
