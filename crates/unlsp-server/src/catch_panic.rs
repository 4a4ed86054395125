//! Panic isolation. tower-lsp-server runs every handler inside the one task that
//! also reads stdin, so a panic in a handler would end the server. This layer
//! wraps the service: a request whose handler panics is answered with an
//! internal error, a notification is dropped with a log line, and the server
//! keeps serving.

use futures::FutureExt;
use futures::future::BoxFuture;
use std::panic::AssertUnwindSafe;
use std::task::{Context, Poll};
use tower::Service;
use tower_lsp_server::jsonrpc::{Error, Request, Response};

pub struct CatchPanic<S>(pub S);

fn describe(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

impl<S> Service<Request> for CatchPanic<S>
where
    S: Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Option<Response>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let id = req.id().cloned();
        let method = req.method().to_string();
        // the router builds the handler future synchronously: guard that too
        let fut = match std::panic::catch_unwind(AssertUnwindSafe(|| self.0.call(req))) {
            Ok(f) => f,
            Err(p) => {
                let msg = describe(&*p);
                tracing::error!("handler for {method} panicked: {msg}");
                return futures::future::ready(Ok(id.map(|id| {
                    let mut e = Error::internal_error();
                    e.message = format!("unlsp: {method} failed: {msg}").into();
                    Response::from_error(id, e)
                })))
                .boxed();
            }
        };
        AssertUnwindSafe(fut)
            .catch_unwind()
            .map(move |r| match r {
                Ok(r) => r,
                Err(p) => {
                    let msg = describe(&*p);
                    tracing::error!("handler for {method} panicked: {msg}");
                    Ok(id.map(|id| {
                        let mut e = Error::internal_error();
                        e.message = format!("unlsp: {method} failed: {msg}").into();
                        Response::from_error(id, e)
                    }))
                }
            })
            .boxed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_panicking_handler_is_answered_with_an_error() {
        let inner = tower::service_fn(|req: Request| async move {
            if req.method() == "boom" {
                panic!("deliberate");
            }
            Ok::<_, std::convert::Infallible>(
                req.id()
                    .cloned()
                    .map(|id| Response::from_ok(id, serde_json::json!("fine"))),
            )
        });
        let mut svc = CatchPanic(inner);
        let boom = Request::build("boom").id(1).finish();
        let r = svc
            .ready()
            .await
            .unwrap()
            .call(boom)
            .await
            .unwrap()
            .unwrap();
        let e = r.error().expect("an error reply");
        assert_eq!(e.code, tower_lsp_server::jsonrpc::ErrorCode::InternalError);
        assert!(e.message.contains("deliberate"), "{}", e.message);
        // and the service goes on serving
        let ok = Request::build("fine").id(2).finish();
        let r = svc.ready().await.unwrap().call(ok).await.unwrap().unwrap();
        assert!(r.is_ok());
    }
}
