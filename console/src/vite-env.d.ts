// CSS imports are bundled by Vite.
declare module '*.css';
// `import url from 'file?url'`: Vite copies the file into the build and gives its URL.
declare module '*?url' {
  const url: string;
  export default url;
}
