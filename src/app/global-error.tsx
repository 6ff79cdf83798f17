"use client";

/** Last-resort boundary when the root layout itself fails; it must render its own html and body. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <h1>MLOps Stack Advisor is having trouble</h1>
        <p>The problem has been logged. Please reload the page in a moment.</p>
        {error.digest ? <p>Reference: {error.digest}</p> : null}
      </body>
    </html>
  );
}
