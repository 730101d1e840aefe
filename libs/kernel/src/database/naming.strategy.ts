import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

/** Tables and columns in snake_case, as PostgreSQL people expect to read them. */
export class DeliberaNamingStrategy extends SnakeNamingStrategy {}
