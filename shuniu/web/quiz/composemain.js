// The 组卷 page's script (assets/shuniu/compose.js), loaded only by that page, outside quiz.js's size budget.
import { run } from "./app.js";
import { startCompose } from "./composeview.js";

const container = document.getElementById("shuniu-compose");
if (container) run(container, startCompose);
