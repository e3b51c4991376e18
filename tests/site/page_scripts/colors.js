// Colours as the browser computes them: read back through a canvas, blended
// over what is behind, and their WCAG contrast. Shared by the page scripts.
  // Any computed colour (rgb(), color(srgb ...) from color-mix()) as [r, g, b, a]
  // in 0-255 and 0-1, read back through a canvas.
  const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  const parse = (c) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = "rgb(0 0 0 / 0)";
    ctx.fillStyle = c;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const blend = (top, bottom) => { const a = top[3]; return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1); };
  const background = (el) => {
    const layers = [];
    // A background image counts as its average colour (IMAGE_COLORS_SCRIPT measures them first).
    const images = window.awardsTestImageColors || {};
    for (let e = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      const url = /^url\("?(.*?)"?\)$/.exec(style.backgroundImage);
      const c = url && images[url[1]] ? images[url[1]] : parse(style.backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let color = [255, 255, 255, 1];
    for (const layer of layers.reverse()) color = blend(layer, color);
    return color;
  };
