import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Module, Type } from '@nestjs/common';
import { ENTRY_PROVIDER_WATERMARK, MODULE_METADATA } from '@nestjs/common/constants';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { DOMAIN_MODULES } from '@delibera/platform';
import { QueueDashboardModule } from '../queue-dashboard/queue-dashboard.module';

/**
 * Every resolver class reachable from the domain modules. Walking the module
 * metadata (not booting the app) means no database or Redis is needed.
 */
function collectResolvers(modules: unknown[], seen = new Set<unknown>()): Type[] {
  const resolvers: Type[] = [];
  for (const candidate of modules) {
    const moduleClass = (candidate as { module?: unknown }).module ?? candidate;
    if (!moduleClass || seen.has(moduleClass)) continue;
    seen.add(moduleClass);
    const providers: unknown[] = Reflect.getMetadata(MODULE_METADATA.PROVIDERS, moduleClass) ?? [];
    const dynamicProviders = (candidate as { providers?: unknown[] }).providers ?? [];
    for (const provider of [...providers, ...dynamicProviders]) {
      // @Resolver() marks its class as an entry provider; other providers have no schema part.
      if (
        typeof provider === 'function' &&
        Reflect.getMetadata(ENTRY_PROVIDER_WATERMARK, provider)
      ) {
        resolvers.push(provider as Type);
      }
    }
    const imports: unknown[] = Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass) ?? [];
    resolvers.push(...collectResolvers(imports, seen));
  }
  return resolvers;
}

@Module({ imports: [GraphQLSchemaBuilderModule] })
class SchemaBuilderModule {}

/** `print-schema [path]`: writes the API's GraphQL SDL (default apps/web/schema.graphql). */
async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'apps/web/schema.graphql');
  const app = await NestFactory.create(SchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app
    .get(GraphQLSchemaFactory)
    .create(collectResolvers([...DOMAIN_MODULES, QueueDashboardModule]));
  writeFileSync(target, `${printSchema(lexicographicSortSchema(schema))}\n`);
  await app.close();
  process.stdout.write(`GraphQL schema written to ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
