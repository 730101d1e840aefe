import { useMutation, type AnyVariables, type DocumentInput, type UseMutationState } from 'urql';

/**
 * A mutation whose success the page announces: `run(variables, message)` sends
 * it and, once the API accepted it, hands `message` to `onDone`. A refusal
 * stays in `state.error` for an ErrorAlert to show.
 */
export function useAnnouncedMutation<Data, Variables extends AnyVariables>(
  document: DocumentInput<Data, Variables>,
  onDone: (message: string) => void,
): [UseMutationState<Data, Variables>, (variables: Variables, message: string) => void] {
  const [state, execute] = useMutation(document);
  function run(variables: Variables, message: string) {
    void execute(variables).then((result) => {
      if (result.data) onDone(message);
    });
  }
  return [state, run];
}
