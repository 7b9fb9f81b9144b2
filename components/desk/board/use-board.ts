"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { arrangeAction, boardAction } from "@/app/actions/desk";
import type { ArrangeChange, BoardView } from "@/lib/data/arrange";
import { applyOptimistic } from "@/lib/desk/board-model";
import { boardQueryKey } from "@/lib/desk/board-query";
import { placementDrafts } from "./placement-drafts";

type Result<T> = { data: T } | { error: string; fieldErrors?: Record<string, string> };

class RefusedError extends Error {}

/** The data, or a RefusedError with the message that names the field when there is one (「目录提要」过长（最多 60 字）). */
function unwrap<T>(res: Result<T>): T {
  if ("error" in res) throw new RefusedError(Object.values(res.fieldErrors ?? {})[0] ?? res.error);
  return res.data;
}

/**
 * The arrange board's state: the issue's BoardView in React Query (seeded by the page's server
 * prefetch through HydrationBoundary), and `change`, which sends one arrangement change with the
 * issue version the board shows. The board updates at once (applyOptimistic) and rolls back if the
 * server refuses (someone else changed the issue), then shows the issue as it now is. Changes of
 * one board run one after another (mutation scope). `transition` runs a status change (送审, 重新打开)
 * and reloads the board and the page.
 */
export function useBoard(issueId: number) {
  const t = useTranslations("desk");
  const router = useRouter();
  const qc = useQueryClient();
  const key = boardQueryKey(issueId);
  const [error, setError] = useState<string | null>(null);

  const { data: board, isFetching } = useQuery({
    queryKey: key,
    queryFn: async () => unwrap(await boardAction({ issueId })),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  const mutation = useMutation({
    scope: { id: `board-${issueId}` },
    mutationFn: async ({ change, version }: { change: ArrangeChange; version: number }) => unwrap(await arrangeAction({ issueId, version, change })),
    onMutate: async ({ change }) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<BoardView>(key);
      if (previous) qc.setQueryData<BoardView>(key, applyOptimistic(previous, change));
      return { previous };
    },
    onError: (e, _vars, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
      setError(e instanceof RefusedError ? e.message : t("networkError"));
      void qc.invalidateQueries({ queryKey: key });
    },
    onSuccess: (data, { change }) => {
      setError(null);
      if (change.op === "placement") placementDrafts.delete(change.itemId);
      qc.setQueryData(key, data);
    },
  });

  const change = (c: ArrangeChange) => {
    const shown = qc.getQueryData<BoardView>(key);
    if (!shown) return;
    setError(null);
    // The version the editor is looking at: a change based on anything older is refused.
    mutation.mutate({ change: c, version: shown.issue.version });
  };

  async function transition(call: Promise<Result<unknown>>) {
    const res = await call;
    setError("error" in res ? res.error : null);
    await qc.invalidateQueries({ queryKey: key });
    router.refresh();
  }

  return { board, busy: mutation.isPending || isFetching, error, change, transition };
}
