import type { ComponentChildren } from 'preact';

/** A form that does not reload the page: its fields, then its button; sending it calls `onSend`. */
export function SubmitForm({ class: className = 'form', label, onSend, children }: { class?: string; label: string; onSend(): void; children: ComponentChildren }) {
  return (
    <form
      class={className}
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      {children}
      <button type="submit" class="button">
        {label}
      </button>
    </form>
  );
}
