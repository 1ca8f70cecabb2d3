// The page's first request (the library's first screen) goes out before the app's code is
// even fetched: that code is a chunk of its own (start.ts), so the answer comes in while it
// loads instead of after it has run.
import './lib/first-request';
import './app.css';

void import('./start');
