export function PageHeader({ title, description }: { title: string; description?: string }) {
  return (
    <div className="mb-6 sm:mb-8">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{title}</h1>
      {description ? <p className="mt-1.5 text-fg-muted">{description}</p> : null}
    </div>
  );
}
