# http.HTTPStatus and http.HTTPMethod members, phrases, descriptions, aliases.
from http import HTTPStatus, HTTPMethod
print(HTTPStatus.OK, repr(HTTPStatus.OK), HTTPStatus(404).phrase, HTTPStatus.NOT_FOUND.description, HTTPStatus.NOT_FOUND == 404)
print(HTTPStatus.REQUEST_ENTITY_TOO_LARGE is HTTPStatus.CONTENT_TOO_LARGE, HTTPStatus(413).name)
print(HTTPStatus.OK.is_success, HTTPStatus(302).is_redirection, len(HTTPStatus))
print(HTTPMethod.GET, repr(HTTPMethod.GET), HTTPMethod('POST').description, HTTPMethod.GET == 'GET', list(HTTPMethod)[:3])
