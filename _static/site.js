/* Site-only fixes to Furo's markup for assistive technology (not part of sphinx_awards):
 * its two <aside> landmarks get names, and a table that scrolls sideways
 * becomes reachable by keyboard. */
for (const [selector, label] of [[".sidebar-drawer", "Site navigation"], [".toc-drawer", "On this page"]]) {
  document.querySelector(selector)?.setAttribute("aria-label", label);
}
for (const wrapper of document.querySelectorAll(".table-wrapper")) {
  if (wrapper.scrollWidth > wrapper.clientWidth) {
    wrapper.tabIndex = 0;
    wrapper.setAttribute("role", "region");
    wrapper.setAttribute("aria-label", "Table, scrolls sideways");
  }
}
