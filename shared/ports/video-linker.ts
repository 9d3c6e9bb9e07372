// Video linker port: which title a channel's video is about, and what kind of video it is (the analyst's job, like
// linking news to titles). The embedded rules implement it (agents/analyst/embedded/video-link.ts).
import type { VideoKind } from '../model/interest.js';

export interface VideoToLink {
  videoId: string;
  title: string;
  description: string;
}

export interface VideoLinkResult {
  videoId: string;
  /** The title the video is about (a known title's own spelling when it is one), or null. */
  title: string | null;
  kind: VideoKind;
}

export interface VideoLinker {
  /** e.g. "embedded video-rules-1": recorded on each link. */
  readonly version: string;
  /** Links videos against the titles the workspace and the store know (one compile of the titles per call). */
  link(videos: VideoToLink[], knownTitles: string[]): VideoLinkResult[];
}
