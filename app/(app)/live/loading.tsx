import { Card } from "@/components/ui/card";

export default function LiveLoading() {
  return (
    <div className="flex animate-pulse flex-col gap-5" aria-busy="true" aria-label="Loading the Live page">
      <div className="flex items-end justify-between gap-4">
        <div>
          <div className="h-8 w-24 rounded-lg bg-surface-muted" />
          <div className="mt-2.5 h-4 w-72 max-w-full rounded bg-surface-muted" />
        </div>
        <div className="h-8 w-20 rounded-full bg-surface-muted" />
      </div>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_18.5rem]">
        <Card className="h-[30rem] lg:col-start-1 lg:row-start-1 lg:h-[calc(100dvh-12.5rem)]" />
        <Card className="h-72 lg:col-start-2 lg:row-start-1" />
      </div>
    </div>
  );
}
