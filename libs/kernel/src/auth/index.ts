export * from './role';
export * from './auth.decorators';
export * from './auth.guard';
export * from './token.service';
