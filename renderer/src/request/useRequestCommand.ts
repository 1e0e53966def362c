// Queues a request command on the desk; a refusal comes back as a value (reason + details), never thrown.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import type { DeskInputs, DeskOutputs } from '../api/trpc';

export type CommandInput = DeskInputs['requests']['command']['command'];
export type CommandResult = DeskOutputs['requests']['command'];
export type CommandRejection = Extract<CommandResult, { ok: false }>['rejection'];

export function useRequestCommand() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(trpc.requests.command.mutationOptions({
    onSuccess: (result) => {
      if (result.ok) {
        void queryClient.invalidateQueries({ queryKey: trpc.requests.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.sync.pathKey() });
      }
    },
  }));
}
