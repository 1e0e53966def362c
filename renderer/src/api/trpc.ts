// Typed hooks over the desk's local API: the renderer knows the router only as a type.
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { DeskRouter } from '../../../electron/desk/api/deskRouter';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<DeskRouter>();

export type DeskInputs = inferRouterInputs<DeskRouter>;
export type DeskOutputs = inferRouterOutputs<DeskRouter>;
export type { DeskRouter };
