// Old → new commune mapping for the former Mường Tè district (facts, copied as data).
// Source: ../shared/reference/muong-te/commune-mapping-2025.csv — Resolution 1670/NQ-UBTVQH15 of
// 16 June 2025 (in force 1 July 2025) of the National Assembly Standing Committee; new codes from
// the General Statistics Office list. GSO codes are strings: their leading zeros matter.

export interface CommuneMapping2025Row {
  /** GSO code of the commune as it stood 2013 – 30 June 2025 */
  oldCode: string;
  oldUnit: string;
  oldDistrict: string;
  /** GSO code of the commune it became part of on 1 July 2025 */
  newCode: string;
  newCommune: string;
  resolutionClause: string;
}

export const COMMUNE_MAPPING_2025: readonly CommuneMapping2025Row[] = [
  { oldCode: '03433', oldUnit: 'Thị trấn Mường Tè', oldDistrict: 'Mường Tè', newCode: '03433', newCommune: 'Xã Bum Tở', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 31' },
  { oldCode: '03454', oldUnit: 'Xã Bum Tở', oldDistrict: 'Mường Tè', newCode: '03433', newCommune: 'Xã Bum Tở', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 31' },
  { oldCode: '03469', oldUnit: 'Xã Kan Hồ (resolution spells \'Can Hồ\')', oldDistrict: 'Mường Tè', newCode: '03433', newCommune: 'Xã Bum Tở', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 31' },
  { oldCode: '03448', oldUnit: 'Xã Pa Vệ Sử (resolution spells \'Pa Vệ Sủ\')', oldDistrict: 'Mường Tè', newCode: '03466', newCommune: 'Xã Bum Nưa', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 30' },
  { oldCode: '03466', oldUnit: 'Xã Bum Nưa', oldDistrict: 'Mường Tè', newCode: '03466', newCommune: 'Xã Bum Nưa', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 30' },
  { oldCode: '03445', oldUnit: 'Xã Mường Tè', oldDistrict: 'Mường Tè', newCode: '03445', newCommune: 'Xã Mường Tè', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 32' },
  { oldCode: '03457', oldUnit: 'Xã Nậm Khao', oldDistrict: 'Mường Tè', newCode: '03445', newCommune: 'Xã Mường Tè', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 32' },
  { oldCode: '03436', oldUnit: 'Xã Thu Lũm', oldDistrict: 'Mường Tè', newCode: '03439', newCommune: 'Xã Thu Lũm', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 33' },
  { oldCode: '03439', oldUnit: 'Xã Ka Lăng', oldDistrict: 'Mường Tè', newCode: '03439', newCommune: 'Xã Thu Lũm', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 33' },
  { oldCode: '03440', oldUnit: 'Xã Tá Bạ', oldDistrict: 'Mường Tè', newCode: '03442', newCommune: 'Xã Pa Ủ', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 34' },
  { oldCode: '03442', oldUnit: 'Xã Pa Ủ', oldDistrict: 'Mường Tè', newCode: '03442', newCommune: 'Xã Pa Ủ', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 34' },
  { oldCode: '03467', oldUnit: 'Xã Vàng San', oldDistrict: 'Mường Tè', newCode: '03460', newCommune: 'Xã Hua Bum', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 28' },
  { oldCode: '03460', oldUnit: 'Xã Hua Bum (GSO old spelling \'Hua Bun\')', oldDistrict: 'Nậm Nhùn', newCode: '03460', newCommune: 'Xã Hua Bum', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 28' },
  { oldCode: '03451', oldUnit: 'Xã Mù Cả', oldDistrict: 'Mường Tè', newCode: '03451', newCommune: 'Xã Mù Cả', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 37 (not rearranged)' },
  { oldCode: '03463', oldUnit: 'Xã Tà Tổng', oldDistrict: 'Mường Tè', newCode: '03463', newCommune: 'Xã Tà Tổng', resolutionClause: '1670/NQ-UBTVQH15 Điều 1 khoản 37 (not rearranged)' },
];
