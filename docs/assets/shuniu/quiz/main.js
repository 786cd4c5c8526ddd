// Loaded on every page of the site: it stays tiny and imports a quiz view only where its container is.
const VIEWS = {
  "shuniu-practice": "./practice.js",
  "shuniu-exam": "./exam.js",
  "shuniu-wrongbook": "./wrongbook.js",
  "shuniu-progress": "./progress.js",
};

for (const [id, view] of Object.entries(VIEWS)) {
  const container = document.getElementById(id);
  if (container) import("./app.js").then((app) => app.run(container, view));
}
