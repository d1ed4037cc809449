import { Store } from '../stores/Store';
import { Member } from '../members/Member';
import { MemberSession } from '../members/MemberSession';
import { MemberStats } from '../members/MemberStats';
import { Consent } from '../privacy/Consent';
import { Child } from '../children/Child';
import { Purchase } from '../purchases/Purchase';
import { PurchaseItem } from '../purchases/PurchaseItem';
import { Refund } from '../purchases/Refund';
import { PointsEntry } from '../points/PointsEntry';
import { TierChange } from '../tiers/TierChange';
import { Reward } from '../rewards/Reward';
import { Redemption } from '../rewards/Redemption';
import { StaffAccount } from '../staff/StaffAccount';
import { StaffSession } from '../staff/StaffSession';
import { StaffBindingCode } from '../staff/StaffBindingCode';
import { AuditEntry } from '../audit/AuditEntry';
import { CheckIn } from '../checkins/CheckIn';
import { ReceiptCode } from '../receipts/ReceiptCode';
import { Toy } from '../catalogue/Toy';
import { OaFollower } from '../officialAccount/followers/OaFollower';
import { OaChannelEvent } from '../officialAccount/followers/OaChannelEvent';
import { OaBindingToken } from '../officialAccount/followers/OaBindingToken';
import { TemplateSend } from '../officialAccount/templateSends/TemplateSend';
import { AutoReplyRule } from '../autoReplies/AutoReplyRule';
import { Segment } from '../segments/Segment';
import { StatsRecomputeReport } from '../members/StatsRecomputeReport';
import { Tag } from '../tags/Tag';
import { MemberTag } from '../tags/MemberTag';
import { TagWechatMember } from '../tags/TagWechatMember';
import { Campaign } from '../campaigns/Campaign';
import { CampaignRun } from '../campaigns/CampaignRun';
import { CampaignSend } from '../campaigns/CampaignSend';
import { SubscribeGrant } from '../campaigns/SubscribeGrant';
import { CampaignClick } from '../campaignResults/CampaignClick';
import { Journey } from '../journeys/Journey';
import { JourneyEnrolment } from '../journeys/JourneyEnrolment';

/** Every TypeORM entity of the server. */
export const ENTITIES = [
  Store,
  Member,
  MemberSession,
  MemberStats,
  Consent,
  Child,
  Purchase,
  PurchaseItem,
  Refund,
  PointsEntry,
  TierChange,
  Reward,
  Redemption,
  StaffAccount,
  StaffSession,
  StaffBindingCode,
  AuditEntry,
  CheckIn,
  ReceiptCode,
  Toy,
  OaFollower,
  OaChannelEvent,
  OaBindingToken,
  TemplateSend,
  AutoReplyRule,
  Segment,
  StatsRecomputeReport,
  Tag,
  MemberTag,
  TagWechatMember,
  Campaign,
  CampaignRun,
  CampaignSend,
  SubscribeGrant,
  CampaignClick,
  Journey,
  JourneyEnrolment,
];
