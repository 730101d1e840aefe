import { getMetadataStorage } from 'class-validator';

type Lookup = ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas'];
const cached = Symbol('delibera.validationMetadataCached');

/**
 * Remembers class-validator's rules per input class. Unmemoised, every
 * validation re-filters the rules of every class in the app (an `instanceof`
 * per class, for inheritance), and Nest's ValidationPipe asks once more per
 * input for its binary-value check: ~15 µs of the ~30 µs the pipe spends on a
 * castBallot input. Rules are declared by decorators when classes load; one
 * declared later clears what was remembered. Idempotent.
 */
export function cacheValidationMetadata(): void {
  const storage = getMetadataStorage() as ReturnType<typeof getMetadataStorage> & {
    [cached]?: true;
  };
  if (storage[cached]) return;
  storage[cached] = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  const remembered = new Map<Parameters<Lookup>[0], Map<string, ReturnType<Lookup>>>();
  storage.addValidationMetadata = (metadata) => {
    remembered.clear();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = `${schema}|${always}|${strictGroups}|${groups?.join(',') ?? ''}`;
    let byOptions = remembered.get(target);
    if (!byOptions) remembered.set(target, (byOptions = new Map()));
    let metadatas = byOptions.get(options);
    if (!metadatas)
      byOptions.set(options, (metadatas = lookup(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
}
