// Stylesheets are webpack's business; components import them only for their side effect.
export {};
