import { CreateStores1763800000000 } from './1763800000000-CreateStores';
import { CreateMembers1763900000000 } from './1763900000000-CreateMembers';
import { CreateLedger1763900001000 } from './1763900001000-CreateLedger';
import { CreateRewards1763900002000 } from './1763900002000-CreateRewards';
import { CreateStaff1763900003000 } from './1763900003000-CreateStaff';
import { CreateInStoreCodes1763900004000 } from './1763900004000-CreateInStoreCodes';
import { CreateToys1764100000000 } from './1764100000000-CreateToys';
import { CreateOfficialAccount1764100001000 } from './1764100001000-CreateOfficialAccount';
import { CreateSegments1764600000000 } from './1764600000000-CreateSegments';
import { AddSegmentCoveringIndexes1764600001000 } from './1764600001000-AddSegmentCoveringIndexes';
import { CreateCampaigns1764700000000 } from './1764700000000-CreateCampaigns';
import { CreateCampaignResults1764800000000 } from './1764800000000-CreateCampaignResults';
import { CreateTags1764900000000 } from './1764900000000-CreateTags';
import { AddPurchaseDiscount1764900001000 } from './1764900001000-AddPurchaseDiscount';
import { SeedBuiltInTags1764900002000 } from './1764900002000-SeedBuiltInTags';
import { CreateJourneys1765000000000 } from './1765000000000-CreateJourneys';
import { AddSegmentPreviewIndexes1766000000000 } from './1766000000000-AddSegmentPreviewIndexes';
import { AddMemberIdLiveIndex1766000001000 } from './1766000001000-AddMemberIdLiveIndex';
import { AddCampaignSendFirstClaim1766300001000 } from './1766300001000-AddCampaignSendFirstClaim';
import { AddCampaignSendLease1766300000000 } from './1766300000000-AddCampaignSendLease';

/**
 * Every migration, oldest first. Listed here (not globbed) so that the same list works
 * from TypeScript sources in tests and from the compiled build.
 */
export const MIGRATIONS = [
  CreateStores1763800000000,
  CreateMembers1763900000000,
  CreateLedger1763900001000,
  CreateRewards1763900002000,
  CreateStaff1763900003000,
  CreateInStoreCodes1763900004000,
  CreateToys1764100000000,
  CreateOfficialAccount1764100001000,
  CreateSegments1764600000000,
  AddSegmentCoveringIndexes1764600001000,
  CreateCampaigns1764700000000,
  CreateCampaignResults1764800000000,
  CreateTags1764900000000,
  AddPurchaseDiscount1764900001000,
  SeedBuiltInTags1764900002000,
  CreateJourneys1765000000000,
  AddSegmentPreviewIndexes1766000000000,
  AddMemberIdLiveIndex1766000001000,
  AddCampaignSendLease1766300000000,
  AddCampaignSendFirstClaim1766300001000,
];
