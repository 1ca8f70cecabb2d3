// A `<dialog>` shown as a modal for as long as it is mounted (`<dialog use:modal={close}>`).
// showModal() gives what the app used to write by hand: the top layer, the page behind made
// inert (so focus stays in the dialog), focus moved inside, and Esc. The owner decides
// whether the dialog is there, so every way out (Esc, a click on the backdrop) asks it to
// unmount the dialog through `onclose`; unmounting gives focus back to what had it.

export function modal(dialog: HTMLDialogElement, onclose: () => void) {
  let close = onclose;
  const opener = document.activeElement;
  dialog.showModal();
  // [data-autofocus] picks the first field when it is not the first focusable element.
  dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();

  // Esc: the platform fires `cancel`; the owner closes, so the platform need not.
  const oncancel = (e: Event) => {
    e.preventDefault();
    close();
  };
  // Chromium closes anyway on a second Esc without user activation between (close watchers).
  const onnativeclose = () => close();
  // A click on the ::backdrop targets the dialog itself, outside its box.
  const onclick = (e: MouseEvent) => {
    if (e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) close();
  };
  dialog.addEventListener('cancel', oncancel);
  dialog.addEventListener('close', onnativeclose);
  dialog.addEventListener('click', onclick);

  return {
    update(next: () => void) {
      close = next;
    },
    destroy() {
      dialog.removeEventListener('close', onnativeclose);
      dialog.removeEventListener('cancel', oncancel);
      dialog.removeEventListener('click', onclick);
      if (dialog.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
  };
}
