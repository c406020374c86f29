// Stylesheets are imported for their side effect: vite puts them in the page's CSS.
declare module '*.css';
