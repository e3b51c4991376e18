// How many coloured pixels the element's emoji draws in its own font (0: not a colour emoji).
(span) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 64;
  const context = canvas.getContext("2d");
  context.font = `48px ${getComputedStyle(span).fontFamily}`;
  context.fillText(span.textContent.trim(), 0, 52);
  const pixels = context.getImageData(0, 0, 64, 64).data;
  let colored = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b, a] = pixels.slice(i, i + 4);
    if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 40) colored++;
  }
  return colored;
}
