/**
 * Names the pages use for the API's shapes, all taken from the generated schema (schema.d.ts, from
 * the backend's OpenAPI document), so a change on the server shows up here as a type error.
 */
import type { components } from './schema'

type S = components['schemas']

export type Me = S['MeOut']
export type SignInResult = S['SignInOut']
export type SmsCodeResult = S['SmsCodeOut']
export type DataExport = S['DataExportOut']
export type LegalKind = 'user_agreement' | 'privacy_policy' | 'publishing_rules'
export type LegalSummary = S['DocumentSummaryOut']
export type LegalDocument = S['DocumentOut']
export type ConsentState = S['ConsentStateOut']
export type AccountType = 'trade' | 'factory' | 'worker'

export type Taxonomy = S['TaxonomyOut']
export type Industry = S['IndustryOut']
export type AttributeGroup = S['AttributeGroupOut']
export interface IdName {
  id: number
  name: string
}

/** Regions come as {adcode, name, full_name}; the level is read from the adcode where needed. */
export type Region = S['RegionOut'] & { level?: number; has_children?: boolean }
export type RegionDetail = S['RegionDetailOut']

export type StoredFile = S['StoredFileOut']
/** Files as posts and factories show them (id, url, thumbnail). */
export type FileLink = { id: string; url: string; thumbnail_url?: string | null; kind?: string; original_name?: string; content_type?: string }

export type Notification = S['NotificationOut']
export type Qualification = S['QualificationOut']
export type QualificationStatus = 'pending' | 'approved' | 'rejected' | 'expired'
export type PublishPermission = S['PublishPermissionOut']

/** A factory card as the directory, home and matches send it (trust signals, favourite mark). */
export type FactoryCard = S['DiscoveryFactoryOut']
export type FactoryDetail = S['FactoryDetailOut']

/** A board's kind: one of the kinds `GET /api/boards` lists (see the boards store). */
export type PostKind = string
export type BoardDef = S['BoardOut']
export type BoardSort = S['SortOut']
export type BoardFilter = S['FilterOut']
export type PostStatus = S['PostStatus']
/** A post card as the boards, home and matches send it (distance, favourite mark, owner's responsiveness). */
export type PostCard = S['DiscoveryPostOut']
/** A post's page with the reader's `viewer` block (favourite, application, own post). */
export type PostDetail = S['PostDetailOut']
export type MyPost = S['MyPostOut']
export type FormSchemaRaw = S['FormSchemaOut']
export type Match = S['MatchOut']

export type HomeFeed = S['HomeOut']
export type Recommendation = S['RecommendationOut']
export type Announcement = S['AnnouncementOut']
export type SearchResult = S['SearchOut']
export type SearchHit = S['SearchHitOut']
export type Favourite = S['FavouriteOut']

export type Conversation = S['ConversationOut']
export type ConversationDetail = S['ConversationDetailOut']
export type ChatMessage = S['MessageOut']
export type MessagePage = S['MessagePageOut']
export type Connection = S['ConnectionOut']
export type ConnectionStatus = S['ConnectionStatus']
export type ContactResult = S['ContactOut']

export type MyApplication = S['MyApplicationOut']
export type Applicant = S['ApplicantOut']
export type JobPreference = S['JobPreferenceOut']

export type Complaint = S['ComplaintOut']
export type Feedback = S['FeedbackOut']
export type ComplaintCategory = S['ComplaintIn']['category']
export type FeedbackCategory = S['FeedbackIn']['category']
