"use client";

import { useAction, useMutation } from "convex/react";
import { useCallback, useMemo, useRef, useState } from "react";
import { MAX_MEDIA_BYTES, outboundMediaTypeOf } from "@/lib/whatsapp/mediaPolicy";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";

export type AttachmentState =
  | { phase: "idle" }
  | { phase: "uploading"; file: File; progress: number }
  | { phase: "ready"; file: File; storageId: Id<"_storage"> }
  | { phase: "error"; file: File | null; reason: "tooBig" | "wrongType" | "uploadFailed" };

export type Attachment = { state: AttachmentState; attach: (file: File) => void; clear: () => void };

/** POSTs the file to a Convex upload URL, reporting progress (fetch cannot report upload progress). */
function uploadWithProgress(url: string, file: File, onProgress: (fraction: number) => void): Promise<Id<"_storage">> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 300) return reject(new Error(`Upload failed with ${request.status}`));
      resolve((JSON.parse(request.responseText) as { storageId: Id<"_storage"> }).storageId);
    };
    request.onerror = () => reject(new Error("Upload failed"));
    request.send(file);
  });
}

/** One file at a time: checked here first (size, type), uploaded at once, then claimed for the org. */
export function useAttachment(orgId: string): Attachment {
  const generateUploadUrl = useMutation(api.media.generateUploadUrl);
  const confirmUpload = useAction(api.media.confirmUpload);
  const [state, setState] = useState<AttachmentState>({ phase: "idle" });
  // A newer attach (or clear) wins over an upload still in flight.
  const generation = useRef(0);

  const attach = useCallback(
    (file: File) => {
      const mine = ++generation.current;
      const current = () => generation.current === mine;
      if (outboundMediaTypeOf(file.type) === null) return setState({ phase: "error", file, reason: "wrongType" });
      if (file.size > MAX_MEDIA_BYTES) return setState({ phase: "error", file, reason: "tooBig" });
      setState({ phase: "uploading", file, progress: 0 });
      void (async () => {
        try {
          const url = await generateUploadUrl({ orgId });
          const uploaded = await uploadWithProgress(url, file, (progress) => {
            if (current()) setState({ phase: "uploading", file, progress });
          });
          const { storageId } = await confirmUpload({ orgId, storageId: uploaded, fileName: file.name, mimeType: file.type });
          if (current()) setState({ phase: "ready", file, storageId });
        } catch {
          if (current()) setState({ phase: "error", file, reason: "uploadFailed" });
        }
      })();
    },
    [confirmUpload, generateUploadUrl, orgId],
  );

  const clear = useCallback(() => {
    generation.current += 1;
    setState({ phase: "idle" });
  }, []);

  return useMemo(() => ({ state, attach, clear }), [state, attach, clear]);
}
