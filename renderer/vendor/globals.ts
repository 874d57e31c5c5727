// The packages the vendor scripts hold, and the global each is read from by the scripts after it
// (vite.config.ts maps the app's imports of them to these names).
export const VENDOR_GLOBALS = {
  react: '__thongkeReact',
  'react-dom': '__thongkeReactDom',
  'react-dom/client': '__thongkeReactDomClient',
  'react/jsx-runtime': '__thongkeJsxRuntime',
  'ag-grid-community': '__thongkeAgGrid',
  'ag-grid-react': '__thongkeAgGridReact',
} as const;

/** Packages of the first vendor script (React): the grid's script reads them as globals too. */
export const REACT_PACKAGES = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'] as const;
