/** The link the "download image" controls click next (saveBlob), caught instead of followed. */
export function nextDownload(): Promise<HTMLAnchorElement> {
  return new Promise((resolve) => {
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      HTMLAnchorElement.prototype.click = original;
      resolve(this);
    };
  });
}
