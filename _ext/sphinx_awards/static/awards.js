/* sphinx_awards: the legend filters the cards; the state lives in the URL
 * (?awards-theme=ID). Without this script the legend is a plain list. */
(() => {
  const KEY = "awards-theme";
  // "{shown} of 7 cards shown", in the page's language
  const said = document.currentScript.dataset.status;
  const cards = [...document.querySelectorAll("article.award-card")];
  const buttons = [];
  for (const item of document.querySelectorAll(".awards-legend__themes > li")) {
    const name = item.firstElementChild;
    const theme = name.querySelector("[data-awards-theme]")?.dataset.awardsTheme;
    if (!theme) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "awards-legend__button";
    button.value = theme;
    button.append(...name.childNodes);
    name.replaceWith(button);
    button.onclick = () => {
      const url = new URL(location);
      if (url.searchParams.get(KEY) === theme) url.searchParams.delete(KEY);
      else url.searchParams.set(KEY, theme);
      history.pushState(null, "", url);
      show(true);
    };
    buttons.push(button);
  }
  if (!buttons.length) return;
  const status = document.createElement("p");
  status.className = "awards-sr-only";
  status.setAttribute("role", "status");
  document.body.append(status);
  function show(announce) {
    let theme = new URL(location).searchParams.get(KEY);
    if (!buttons.some((b) => b.value === theme)) theme = null;
    let shown = 0;
    for (const card of cards) {
      card.hidden = theme !== null && card.dataset.awardsTheme !== theme;
      shown += !card.hidden;
    }
    for (const group of document.querySelectorAll(".awards-group")) {
      group.hidden = !group.querySelector(".award-card:not([hidden])");
    }
    for (const b of buttons) b.setAttribute("aria-pressed", b.value === theme);
    if (announce) status.textContent = said.replace("{shown}", shown);
  }
  addEventListener("popstate", () => show(true));
  show(false);
})();
