/** POSTs JSON and reads JSON back; anything but a 2xx answer throws with the server's words. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`POST ${url} → ${response.status}: ${text}`)
  return JSON.parse(text) as T
}
