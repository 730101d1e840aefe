import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  AppConfig,
  formatGraphQLError,
  KernelModule,
  QueueProcessorsModule,
} from '@delibera/kernel';
import { API_MODULES, DOMAIN_MODULES, MIGRATIONS } from '@delibera/platform';
import { queryCostPlugin } from './query-cost.plugin';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { requestLimits } from './request-limits';

/** The GraphQL API. With RUN_WORKER_IN_PROCESS it also runs the queue processors (local use). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const armor = new ApolloArmor(requestLimits(config.isProduction)).protect();
    return {
      module: AppModule,
      imports: [
        KernelModule.forRoot({ config, migrations: MIGRATIONS }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          introspection: config.introspection,
          playground: false,
          // The request object is all resolvers need: the caller (req.user) and per-request loaders.
          context: ({ req }: { req: unknown }) => ({ req, loaders: new Map() }),
          formatError: formatGraphQLError,
          includeStacktraceInErrorResponses: false,
          validationRules: armor.validationRules,
          // Apollo installs cache-control hints (which instrument every field
          // resolver) and federation inline tracing by default; this API uses
          // neither, and they cost CPU on every request, ballots included.
          plugins: [
            ...armor.plugins,
            queryCostPlugin(config.MAX_QUERY_COST),
            ApolloServerPluginCacheControlDisabled(),
            ApolloServerPluginInlineTraceDisabled(),
          ],
        }),
        ...DOMAIN_MODULES,
        ...API_MODULES,
        QueueDashboardModule,
        ...(config.RUN_WORKER_IN_PROCESS ? [QueueProcessorsModule.forRoot(config)] : []),
      ],
    };
  }
}
