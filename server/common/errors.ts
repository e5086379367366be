/** An error that knows the HTTP status it should be answered with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends HttpError {
  constructor(message = 'Page not found') {
    super(404, message);
  }
}

/** A request parameter that cannot be used; the message names it. */
export class BadParameter extends HttpError {
  constructor(
    readonly parameter: string,
    why: string,
  ) {
    super(400, `Parameter "${parameter}" ${why}`);
  }
}

/** The search engine cannot be reached or is not ready. */
export class SearchUnavailable extends HttpError {
  constructor(message = 'Search is temporarily unavailable. Please try again in a moment.') {
    super(503, message);
  }
}
