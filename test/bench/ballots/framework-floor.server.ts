/**
 * The framework's floor for casting: a minimal NestJS + Apollo (Express)
 * server on the same package versions as the API, whose one mutation runs the
 * same cast statement (CAST_BALLOT_SQL) on a pg pool — no auth, no validation
 * pipe, no logging, no rate limits, no ballot checks. The ballots bench starts
 * it in child processes to show how close Delibera's path is to what the stack
 * itself allows. Env: PORT, DATABASE_URL, DB_POOL_SIZE.
 */
import 'reflect-metadata';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  Args,
  Field,
  GraphQLModule,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CAST_BALLOT_SQL } from '@delibera/voting';

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 25),
});

@InputType()
class FloorCastInput {
  @Field() voteId: string;
  @Field() voterId: string;
  @Field() option: string;
}

@ObjectType()
class FloorReceipt {
  @Field() receipt: string;
}

@Resolver()
class FloorResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }

  @Mutation(() => FloorReceipt)
  async castBallot(@Args('input') input: FloorCastInput): Promise<FloorReceipt> {
    const receipt = randomUUID().replaceAll('-', '');
    const receiptHash = createHash('sha256').update(receipt).digest('hex');
    const { rows } = await pool.query<{ cast: boolean }>(CAST_BALLOT_SQL, [
      input.voteId,
      input.voterId,
      input.voterId,
      JSON.stringify({ option: input.option }),
      receiptHash,
      randomUUID(),
      null,
      null,
    ]);
    if (!rows[0].cast) throw new Error('cast refused');
    return { receipt };
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      path: '/graphql',
      playground: false,
      // The API switches these two default plugins off too (see app.module.ts).
      plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled()],
    }),
  ],
  providers: [FloorResolver],
})
class FloorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(FloorModule, { logger: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  process.stdout.write('framework floor listening\n');
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
}

void main();
