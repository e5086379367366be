// Progressive enhancement: every page works without this script (forms and links);
// with it, citations can be copied and filters fold away on small screens.

document.body.classList.add('govuk-frontend-supported');

/** A button with data-copy-target="ID" copies that element's text and says so in a live region. */
function enhanceCopyButton(button) {
  const target = document.getElementById(button.dataset.copyTarget);
  // The clipboard API exists only in secure contexts (HTTPS or localhost): otherwise keep the button hidden.
  if (!target || !navigator.clipboard) return;
  const status = document.createElement('span');
  status.className = 'archive-copy-status';
  status.setAttribute('role', 'status');
  button.after(status);
  button.hidden = false;
  button.addEventListener('click', async () => {
    status.textContent = '';
    try {
      await navigator.clipboard.writeText(target.innerText.trim());
      status.textContent = 'Copied';
    } catch {
      status.textContent = 'Could not copy: select the text and copy it instead';
    }
  });
}

for (const button of document.querySelectorAll('button[data-copy-target]')) enhanceCopyButton(button);

/** On a narrow screen the filters start folded, so results come first; wide screens always show them. */
function foldFilters(details) {
  const wide = window.matchMedia('(min-width: 40.0625em)');
  details.open = wide.matches;
  wide.addEventListener('change', () => {
    if (wide.matches) details.open = true;
  });
}

for (const details of document.querySelectorAll('details[data-fold-narrow]')) foldFilters(details);
