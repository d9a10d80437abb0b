import { COORDINATE_SYSTEM, Layer, project32, type DefaultProps, type LayerProps, type UpdateParameters } from '@deck.gl/core';
import { Model } from '@luma.gl/engine';
import type { ShaderModule } from '@luma.gl/shadertools';

// Round points drawn as GL point sprites: one vertex per point in a single non-instanced draw.
// deck.gl's ScatterplotLayer draws an instanced quad per point, and software WebGL (SwiftShader,
// what these machines and many office PCs without a usable GPU run) pays about 20 µs per
// instance: 100,000 instanced quads took 2,019 ms to rasterise against 101 ms as point sprites
// (scripts/bench, same run). Points stay small (a few pixels), so the sprite size limit and
// sprites vanishing when their centre leaves the viewport do not matter here.
//
// The program is kept small because software WebGL compiles it at its first draw, in one
// main-thread task (the browser has no KHR_parallel_shader_compile): no picking module (points
// are picked on the CPU, point_picker.ts), and for float32 offsets (LNGLAT_OFFSETS, what the app
// draws) the projection written out rather than deck.gl's general project_position_to_clipspace,
// which branches over every coordinate system and projection. The first draw took 224–379 ms
// with the general program and 48–65 ms with this one (raw WebGL, the assembled sources of both,
// same attributes and uniform blocks, 6 runs each, alternating).

const uniformBlock = /* glsl */ `\
layout(std140) uniform pointSpriteUniforms {
  float radiusPixels;
} pointSprite;
`;

type PointSpriteUniforms = { radiusPixels: number };

const pointSpriteUniforms = {
  name: 'pointSprite',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { radiusPixels: 'f32' },
} as const satisfies ShaderModule<PointSpriteUniforms>;

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME point-sprite-layer-vertex-shader
in vec3 positions;
in vec3 positions64Low;
in vec4 colors;
out vec4 vColor;
out float vSizePixels;
void main(void) {
  geometry.worldPosition = positions;
#ifdef LNGLAT_OFFSETS_ONLY
  // What project_position_to_clipspace does for float32 LNGLAT_OFFSETS (degrees from
  // coordinateOrigin, no model matrix), written out: that function branches over every
  // coordinate system and projection, and software WebGL compiles all of it at the first draw.
  vec3 commonPerDegree = project.commonUnitsPerWorldUnit + project.commonUnitsPerWorldUnit2 * positions.y;
  geometry.position = vec4(positions * commonPerDegree, 1.0);
  gl_Position = project.viewProjectionMatrix * geometry.position + project.center;
#else
  gl_Position = project_position_to_clipspace(positions, positions64Low, vec3(0.0), geometry.position);
#endif
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  // one extra device pixel around the disc for the smoothed edge
  vSizePixels = 2.0 * pointSprite.radiusPixels * project.devicePixelRatio + 1.0;
  gl_PointSize = vSizePixels;
  vColor = vec4(colors.rgb, colors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`;

const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME point-sprite-layer-fragment-shader
precision highp float;
in vec4 vColor;
in float vSizePixels;
out vec4 fragColor;
void main(void) {
  float fromCentre = length(gl_PointCoord - 0.5) * vSizePixels;
  float inside = clamp(vSizePixels * 0.5 - fromCentre, 0.0, 1.0);
  if (inside <= 0.0) discard;
  fragColor = vec4(vColor.rgb, vColor.a * inside);
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

type Rgba = [number, number, number, number];

type _PointSpriteLayerProps<D> = {
  /** Disc radius in CSS pixels. */
  radiusPixels?: number;
  getPosition?: ((d: D, info: { index: number; target: number[] }) => [number, number] | [number, number, number]) | [number, number];
  getFillColor?: ((d: D, info: { index: number }) => Rgba | [number, number, number]) | Rgba;
};

export type PointSpriteLayerProps<D = unknown> = _PointSpriteLayerProps<D> & LayerProps;

const defaultProps: DefaultProps<PointSpriteLayerProps> = {
  radiusPixels: { type: 'number', min: 0, value: 2 },
  getPosition: { type: 'accessor', value: (d: unknown) => (d as { position: [number, number] }).position },
  getFillColor: { type: 'accessor', value: [0, 0, 0, 255] },
};

export class PointSpriteLayer<D = unknown> extends Layer<Required<_PointSpriteLayerProps<D>> & LayerProps> {
  static override layerName = 'PointSpriteLayer';
  static override defaultProps = defaultProps;

  declare state: { model?: Model };

  override getShaders() {
    const offsetsOnly = this.props.coordinateSystem === COORDINATE_SYSTEM.LNGLAT_OFFSETS;
    return super.getShaders({ vs, fs, modules: [project32, pointSpriteUniforms], ...(offsetsOnly ? { defines: { LNGLAT_OFFSETS_ONLY: 1 } } : {}) });
  }

  override initializeState(): void {
    // per-vertex (not per-instance) attributes: the draw is one vertex per point. Positions are
    // lon/lat pairs (size 2, as the app's binary data gives them): the program is then linked
    // with the layout it draws with, where size 3 made luma.gl build a second pipeline for the
    // data's layout in the layer's first frame.
    this.getAttributeManager()!.add({
      positions: { size: 2, type: 'float64', fp64: this.use64bitPositions(), accessor: 'getPosition' },
      colors: { size: 4, type: 'unorm8', accessor: 'getFillColor', defaultValue: [0, 0, 0, 255] },
    });
  }

  override updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    if (params.changeFlags.extensionsChanged || params.props.coordinateSystem !== params.oldProps.coordinateSystem) {
      this.state.model?.destroy();
      this.state.model = this.createModel();
      this.getAttributeManager()!.invalidateAll();
    }
  }

  override draw(): void {
    const model = this.state.model!;
    model.setVertexCount(this.getNumInstances());
    model.shaderInputs.setProps({ pointSprite: { radiusPixels: this.props.radiusPixels } });
    model.draw(this.context.renderPass);
  }

  private createModel(): Model {
    return new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: this.getAttributeManager()!.getBufferLayouts({ isInstanced: false }),
      topology: 'point-list',
      isInstanced: false,
      // deck.gl sets picking uniforms on every layer; this program has no picking module
      disableWarnings: true,
    });
  }
}
