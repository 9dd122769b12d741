#pragma once

#include <string>
#include <vector>

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/PartHandler.h>

#include "services/stores/attachment_store.h"
#include "services/usecases/uploaded_file.h"
#include "web/http/api_types.h"

// Files in and out of the API: the parts of a multipart/form-data upload, and a stored file
// answered as a download.
namespace citygrants::handlers {

// Keeps every file part named "file" of a multipart/form-data body; other file parts are read
// and dropped (the plain fields go to the form).
class FileParts : public Poco::Net::PartHandler {
 public:
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override;
  std::vector<usecases::UploadedFile> files;
};

// Reads the multipart/form-data body of `req` into `form` (at most `field_limit` fields) and
// `parts`: 415 for another content type, 400 when the body cannot be read as one.
void readMultipart(const http::ApiRequest& req, Poco::Net::HTMLForm& form, FileParts& parts,
                   int field_limit);

// `content`, the file `meta` describes, as a download: its own content type, always
// Content-Disposition attachment (never rendered in the API's origin; the name percent-encoded,
// RFC 6266) and its digest in X-Content-SHA256.
http::ApiResponse downloadOf(const stores::Attachment& meta, std::string content);

}  // namespace citygrants::handlers
