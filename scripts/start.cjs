// `npm start`: builds dist/ when src/ changed since the last build (scripts/build.cjs), then runs the built
// gateway in this same process, sparing a second Node start-up (npm's pre-scripts would spawn one).
process.setSourceMapsEnabled(true);
require('./build.cjs').build({ ifStale: true });
require('../dist/index.js');
