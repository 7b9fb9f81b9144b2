"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { withdrawItemAction } from "@/app/(contributor)/items/actions";

export function WithdrawButton({ id, version, label }: { id: number; version: number; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="buttons">
      <button
        type="button"
        onClick={async () => {
          const res = await withdrawItemAction({ id, version });
          if ("error" in res) setError(res.error);
          else router.refresh();
        }}
      >
        {label}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
