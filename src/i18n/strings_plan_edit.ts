// Strings of plan-layer edits (issue 16 §1–3): what the app says when a geometry is refused
// or an edit cannot be made, Vietnamese first; `planEditEn` is typed from `planEditVi`.

export const planEditVi = {
  'planEdit.provenance': 'Vẽ trong bản đồ theo mẫu “{template}”',
  'planEdit.provenanceImported': 'Lớp “{layer}” được chuyển thành lớp kế hoạch',
  'planEdit.unknownTemplate': 'Gói dữ liệu không có mẫu kế hoạch “{template}”.',
  'planEdit.notEditable': 'Lớp “{layer}” không phải lớp kế hoạch nên không sửa được. Hãy chuyển nó thành lớp kế hoạch trước.',
  'planEdit.noFeature': 'Lớp “{layer}” không có đối tượng “{feature}”.',
  'planEdit.cannotEditPoints': 'Lớp “{layer}” là lớp điểm lớn nên chỉ sửa được thuộc tính, không sửa được hình.',
  'planEdit.wrongType.point': 'Hình vẽ không hợp lệ: lớp này chứa điểm, nhưng nhận được {got}.',
  'planEdit.wrongType.line': 'Hình vẽ không hợp lệ: lớp này chứa đường, nhưng nhận được {got}.',
  'planEdit.wrongType.polygon': 'Hình vẽ không hợp lệ: lớp này chứa vùng, nhưng nhận được {got}.',
  'planEdit.field.area': 'Diện tích (ha)',
  'planEdit.field.commune': 'Xã',
  'planEdit.tooFewVertices': 'Hình vẽ không hợp lệ: cần ít nhất {min} đỉnh khác nhau, mới có {got}.',
  'planEdit.notFinite': 'Hình vẽ không hợp lệ: có tọa độ không phải số hoặc nằm ngoài khoảng kinh độ/vĩ độ.',
  'planEdit.selfIntersection': 'Hình vẽ không hợp lệ: ranh giới tự cắt nhau tại {lat}, {lon} (vĩ độ, kinh độ). Hãy sửa đỉnh ở đó rồi thử lại.',
} as const;

export const planEditEn: Record<keyof typeof planEditVi, string> = {
  'planEdit.provenance': 'Drawn on the map from the template “{template}”',
  'planEdit.provenanceImported': 'Layer “{layer}” made into a plan layer',
  'planEdit.unknownTemplate': 'The data pack has no plan template “{template}”.',
  'planEdit.notEditable': 'Layer “{layer}” is not a plan layer, so it cannot be edited. Make it a plan layer first.',
  'planEdit.noFeature': 'Layer “{layer}” has no feature “{feature}”.',
  'planEdit.cannotEditPoints': 'Layer “{layer}” is a large point layer: its attributes can be edited, not its shapes.',
  'planEdit.wrongType.point': 'Invalid shape: this layer holds points, but got {got}.',
  'planEdit.wrongType.line': 'Invalid shape: this layer holds lines, but got {got}.',
  'planEdit.wrongType.polygon': 'Invalid shape: this layer holds polygons, but got {got}.',
  'planEdit.field.area': 'Area (ha)',
  'planEdit.field.commune': 'Commune',
  'planEdit.tooFewVertices': 'Invalid shape: it needs at least {min} distinct vertices and has {got}.',
  'planEdit.notFinite': 'Invalid shape: a coordinate is not a number or is outside the longitude/latitude range.',
  'planEdit.selfIntersection': 'Invalid shape: the outline crosses itself at {lat}, {lon} (latitude, longitude). Move the vertices there and try again.',
};
