"""A failure of a job with a CONTRACT.md section 4 code, sent to the host as the job's result."""


class JobError(Exception):
    def __init__(self, code, message, **details):
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = {k: v for k, v in details.items() if v is not None}

    def body(self):
        body = {"code": self.code, "message": self.message}
        if self.details:
            body["details"] = self.details
        return body
