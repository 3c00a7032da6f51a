// The part of Observable Framework's client standard library this site uses (it has no published types).
declare module "observablehq:stdlib" {
  export interface FileAttachmentObject {
    readonly name: string;
    readonly href: string;
    url(): Promise<string>;
    json(): Promise<unknown>;
    text(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
  }
  export function FileAttachment(name: string): FileAttachmentObject;
}
