import { Type, type Static } from 'typebox';

/** What the browser app needs to know of this server's settings before it draws a page. */
export const ClientConfig = Type.Object({
  map: Type.Object({
    tilesUrl: Type.String({ description: 'the tile URL template ({z}, {x}, {y}; {s} for sub-domains): ZD_MAP_TILES_URL' }),
    attribution: Type.String({ description: 'the credit the tile source asks for, as HTML: ZD_MAP_TILES_ATTRIBUTION' }),
  }),
  sso: Type.Union([Type.Object({ name: Type.String({ description: "the provider's name on the sign-in button: ZD_OIDC_NAME" }) }), Type.Null()], {
    description: 'single sign-on for officials through an OpenID Connect provider, when one is set (ZD_OIDC_ISSUER)',
  }),
});
export type ClientConfig = Static<typeof ClientConfig>;
